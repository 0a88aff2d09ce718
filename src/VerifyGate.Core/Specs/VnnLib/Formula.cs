namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>A VNN-LIB formula of the subset: atoms joined by <c>and</c> and <c>or</c> (there is no negation, so
/// the formula is monotone in its atoms).</summary>
internal abstract record Formula(SourcePosition At);

internal sealed record AtomFormula(Constraint Constraint) : Formula(Constraint.At);

internal sealed record AndFormula(IReadOnlyList<Formula> Operands, SourcePosition At) : Formula(At);

internal sealed record OrFormula(IReadOnlyList<Formula> Operands, SourcePosition At) : Formula(At);
