namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>One <c>&lt;=</c> or <c>&gt;=</c> atom of a VNN-LIB formula after folding, in one of the three forms
/// the reader accepts; <see cref="At"/> is the atom's <c>(</c>.</summary>
internal abstract record Constraint(SourcePosition At);

/// <summary>X_Input ≤ Value (<see cref="IsUpper"/>) or X_Input ≥ Value.</summary>
internal sealed record InputBound(int Input, bool IsUpper, double Value, SourcePosition At) : Constraint(At);

/// <summary>Σ Coefficient · Y_Output ≤ Bound, with the non-zero coefficients in output order.</summary>
internal sealed record OutputConstraint(IReadOnlyList<(int Output, double Coefficient)> Terms, double Bound, SourcePosition At)
    : Constraint(At);

/// <summary>An atom without variables (such as <c>(&lt;= 0 1)</c>): it holds for every point or for none.</summary>
internal sealed record ConstantConstraint(bool Holds, SourcePosition At) : Constraint(At);
