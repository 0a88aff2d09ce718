namespace VerifyGate.Core.Problems.Robustness;

/// <summary>Σ_j Coefficients[j] · y_j ≤ Bound (or &lt; when <see cref="Strict"/>). Its slack at y is Bound − c·y:
/// the atom holds where the slack is ≥ 0 (&gt; 0 when strict).</summary>
public sealed record OutputAtom(double[] Coefficients, double Bound, bool Strict)
{
    public double Slack(ReadOnlySpan<double> y)
    {
        double s = Bound;
        for (int j = 0; j < Coefficients.Length; j++) s -= Coefficients[j] * y[j];
        return s;
    }

    public bool Holds(ReadOnlySpan<double> y) => Strict ? Slack(y) > 0 : Slack(y) >= 0;
}

/// <summary>A disjunction: holds where one of its atoms holds; its margin is the largest atom slack.</summary>
public sealed record OutputClause(IReadOnlyList<OutputAtom> Atoms)
{
    public double Margin(ReadOnlySpan<double> y)
    {
        double best = double.NegativeInfinity;
        foreach (var atom in Atoms) best = Math.Max(best, atom.Slack(y));
        return best;
    }

    public bool Holds(ReadOnlySpan<double> y)
    {
        foreach (var atom in Atoms)
            if (atom.Holds(y)) return true;
        return false;
    }
}

/// <summary>The condition a robustness property asks of the outputs, in conjunctive normal form: every clause must
/// hold. Its margin at y is the smallest clause margin, so the condition holds where the margin is positive and fails
/// where it is negative; at margin 0 the atoms' strictness decides (<see cref="Holds"/>). A label k is the clauses
/// y_j − y_k &lt; 0 for every j ≠ k (margin min_j y_k − y_j), output bounds are one clause per bound, and a VNN-LIB
/// property's unsafe conjunctions become one clause each of their atoms negated.</summary>
public sealed record OutputCondition(IReadOnlyList<OutputClause> Clauses)
{
    public int OutputCount => Clauses.Count == 0 ? 0 : Clauses[0].Atoms[0].Coefficients.Length;

    /// <summary>Some atom is strict: a margin of exactly 0 may break the condition.</summary>
    public bool Strict => Clauses.Any(c => c.Atoms.Any(a => a.Strict));

    public double Margin(ReadOnlySpan<double> y)
    {
        double worst = double.PositiveInfinity;
        foreach (var clause in Clauses) worst = Math.Min(worst, clause.Margin(y));
        return worst;
    }

    public bool Holds(ReadOnlySpan<double> y)
    {
        foreach (var clause in Clauses)
            if (!clause.Holds(y)) return false;
        return true;
    }

    /// <summary>Every atom, clause by clause: the rows of the slack layer (<see cref="MarginNetwork"/>).</summary>
    public IEnumerable<OutputAtom> Atoms => Clauses.SelectMany(c => c.Atoms);

    /// <summary>Output k is the strict maximum.</summary>
    public static OutputCondition Label(int label, int outputs) => new(
        Enumerable.Range(0, outputs).Where(j => j != label)
            .Select(j => new OutputClause([new OutputAtom(Unit(outputs, j, label), 0, Strict: true)]))
            .ToArray());

    /// <summary>lower[j] ≤ y_j ≤ upper[j] for every bound given (null: none).</summary>
    public static OutputCondition Bounds(IReadOnlyList<double?> lower, IReadOnlyList<double?> upper)
    {
        int m = lower.Count;
        var clauses = new List<OutputClause>();
        for (int j = 0; j < m; j++)
        {
            if (lower[j] is double l) clauses.Add(new([new OutputAtom(Unit(m, -1, j), -l, Strict: false)]));
            if (upper[j] is double u) clauses.Add(new([new OutputAtom(Unit(m, j, -1), u, Strict: false)]));
        }
        return new OutputCondition(clauses);
    }

    /// <summary>+1 at <paramref name="plus"/>, −1 at <paramref name="minus"/> (either may be −1: none).</summary>
    private static double[] Unit(int m, int plus, int minus)
    {
        var c = new double[m];
        if (plus >= 0) c[plus] = 1;
        if (minus >= 0) c[minus] = -1;
        return c;
    }
}
