using System.Globalization;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Brings the conjunction of a file's asserts to disjunctive normal form: a list of conjunctions in
/// source order (an <c>and</c> of alternatives multiplies out left to right). The expansion is refused beyond
/// <see cref="MaxDisjuncts"/> disjuncts or <see cref="MaxAtoms"/> atoms in total, since a few nested
/// <c>or</c>s in a small file can otherwise ask for exponential time and memory.</summary>
internal sealed class Dnf(string file)
{
    public const int MaxDisjuncts = 100_000;
    public const long MaxAtoms = 10_000_000;

    private readonly record struct Expansion(List<Conjunction> Disjuncts, long Atoms);

    public List<Conjunction> Expand(IReadOnlyList<Formula> asserts) => Product(asserts, blame: null).Disjuncts;

    private Expansion Expand(Formula formula) => formula switch
    {
        AtomFormula atom => new([Conjunction.Of(atom.Constraint)], 1),
        AndFormula and => Product(and.Operands, and.At),
        OrFormula or => Sum(or),
        _ => throw new InvalidOperationException("unknown formula " + formula.GetType().Name),
    };

    private Expansion Sum(OrFormula or)
    {
        var disjuncts = new List<Conjunction>();
        long atoms = 0;
        foreach (var operand in or.Operands)
        {
            var part = Expand(operand);
            disjuncts.AddRange(part.Disjuncts);
            atoms += part.Atoms;
            CheckSize(disjuncts.Count, atoms, or.At);
        }
        return new(disjuncts, atoms);
    }

    /// <summary>The product of the operands' expansions; a limit is reported at <paramref name="blame"/>, or at
    /// the operand that crosses it when the operands are the top-level asserts.</summary>
    private Expansion Product(IReadOnlyList<Formula> operands, SourcePosition? blame)
    {
        var disjuncts = new List<Conjunction> { Conjunction.Empty };
        long atoms = 0;
        foreach (var operand in operands)
        {
            var part = Expand(operand);
            long count = (long)disjuncts.Count * part.Disjuncts.Count;
            long total = disjuncts.Count * part.Atoms + part.Disjuncts.Count * atoms;
            CheckSize(count, total, blame ?? operand.At);
            if (part.Disjuncts.Count == 1)
            {
                for (int i = 0; i < disjuncts.Count; i++) disjuncts[i] = Conjunction.Join(disjuncts[i], part.Disjuncts[0]);
            }
            else
            {
                var product = new List<Conjunction>((int)count);
                foreach (var left in disjuncts)
                    foreach (var right in part.Disjuncts)
                        product.Add(Conjunction.Join(left, right));
                disjuncts = product;
            }
            atoms = total;
        }
        return new(disjuncts, atoms);
    }

    private void CheckSize(long disjuncts, long atoms, SourcePosition at)
    {
        if (disjuncts > MaxDisjuncts)
            throw new VnnLibException(file, at.Line, at.Column,
                string.Create(CultureInfo.InvariantCulture, $"the formula has more than {MaxDisjuncts:N0} disjuncts in disjunctive normal form"));
        if (atoms > MaxAtoms)
            throw new VnnLibException(file, at.Line, at.Column,
                string.Create(CultureInfo.InvariantCulture, $"the formula has more than {MaxAtoms:N0} atoms in disjunctive normal form"));
    }
}
