using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>One maximisation whose optimum, over all sub-problems, gives L (or L² for q = 2).
/// The unit ball of the input norm is symmetric (v ↦ −v), so max −g_j = max g_j and a sign vector
/// and its negation give the same optimum: only half of them are solved.
/// A squared objective cannot carry small values: 1e-5 squared is 1e-10, below SCIP's precision of 1e-9,
/// and SCIP then proves a maximum of 0 (seen on a network with gains of 1e-5, also when the objective's
/// coefficients were scaled up). Small l2 values are therefore decided by linear surrogates, whose bounds
/// hold for the quantity up to <see cref="BoundFactor"/>: the l2 norm of k terms is at most √k times their
/// largest magnitude (<see cref="L2ByLargestTerm"/>); one term needs no square at all.</summary>
public sealed record LipschitzObjective(string Name, Action<MipModel, LinearValue[]> Apply, bool Squared, double BoundFactor = 1)
{
    /// <summary>The objective value that corresponds to a value of the quantity.</summary>
    public double ToObjective(double value) => Squared ? value * value : value;

    /// <summary>The value that corresponds to an objective value.</summary>
    public double FromObjective(double objective) => Squared ? Math.Sqrt(Math.Max(0, objective)) : objective;

    /// <summary>The certified value bound that an (already inflated) proven objective bound gives.</summary>
    public double BoundFromObjective(double objectiveBound) => BoundFactor * FromObjective(objectiveBound);

    /// <summary>The objective target whose proven bound, through <see cref="BoundFromObjective"/>, lands at or
    /// below <paramref name="value"/>: where a solve may stop once it has decided "at most value".</summary>
    public double ObjectiveBelow(double value) => ToObjective(value / BoundFactor);

    /// <summary>Below this, an l2 threshold is decided by the linear surrogates first: its square is within
    /// a thousand times SCIP's precision.</summary>
    public const double SquaredDecisionFloor = 1e-3;

    /// <summary>Linear surrogates of the l2 norm of <paramref name="terms"/> values: max v_j for each j (by the
    /// symmetry of the pair, max −v_j is the same), with ‖v‖_2 ≤ √terms · max_j |v_j| as the bound.</summary>
    public static IReadOnlyList<LipschitzObjective> L2ByLargestTerm(int terms) =>
        For(NormKind.Inf, terms).Select(o => o with { Name = $"{o.Name} (l2 surrogate)", BoundFactor = Math.Sqrt(terms) }).ToList();

    /// <summary>Output count up to which q = 1 enumerates sign vectors (2^(m−1) sub-problems).</summary>
    public const int MaxSignEnumeration = 6;

    /// <summary>The sub-problems for outputs g_0..g_{m−1} (the selected outputs' tangents) under norm q.
    /// For one output every norm is |g_0|: one linear objective, no square.</summary>
    public static IReadOnlyList<LipschitzObjective> For(NormKind q, int outputCount) => q switch
    {
        NormKind.Inf => Enumerable.Range(0, outputCount)
            .Select(j => new LipschitzObjective($"max g{j}", (model, g) => Maximize(model, g, s => s == j ? 1.0 : 0.0), false))
            .ToList(),
        NormKind.One when outputCount <= MaxSignEnumeration => Enumerable.Range(0, 1 << (outputCount - 1))
            .Select(mask => new LipschitzObjective($"signs {mask}",
                (model, g) => Maximize(model, g, s => s == 0 || (mask & (1 << (s - 1))) == 0 ? 1.0 : -1.0), false))
            .ToList(),
        NormKind.One => [new LipschitzObjective("sum |g|", MaximizeAbsoluteSum, false)],
        _ when outputCount == 1 => For(NormKind.Inf, 1),
        _ => [new LipschitzObjective("sum g^2", MaximizeSquares, true)],
    };

    /// <summary>The same sub-problem on the negated values (max −g_j for max g_j): what the symmetry of the pair
    /// makes redundant, for measuring what leaving it out buys.</summary>
    public static LipschitzObjective Negated(LipschitzObjective objective) =>
        objective with { Name = $"{objective.Name} (negated)", Apply = (model, g) => objective.Apply(model, g.Select(v => v.Scale(-1)).ToArray()) };

    private static void Maximize(MipModel model, LinearValue[] g, Func<int, double> weight)
    {
        var objective = new Expr();
        for (int j = 0; j < g.Length; j++) g[j].AddTo(objective, weight(j));
        model.SetMaximize(objective);
    }

    private static void MaximizeSquares(MipModel model, LinearValue[] g)
    {
        var objective = new Expr();
        foreach (var value in g)
        {
            if (value.Variable is Var v)
            {
                objective.AddSquare(v, value.Coefficient * value.Coefficient);
                objective.Add(v, 2 * value.Coefficient * value.Constant);
            }
            objective.Constant += value.Constant * value.Constant;
        }
        model.SetMaximize(objective);
    }

    /// <summary>Σ|g_j| with a sign binary per output: a_j ≤ ±g_j + 2G_j·(…), G_j the bound on |g_j|.</summary>
    private static void MaximizeAbsoluteSum(MipModel model, LinearValue[] g)
    {
        var objective = new Expr();
        foreach (var value in g) Magnitude(model, value).AddTo(objective, 1.0);
        model.SetMaximize(objective);
    }

    /// <summary>A value a with a ≤ |g| at every point and a = |g| at the optimum: a ≤ g + 2G(1 − σ), a ≤ −g + 2Gσ with a
    /// sign binary σ, G the bound on |g|.</summary>
    private static LinearValue Magnitude(MipModel model, LinearValue value)
    {
        if (value.Variable is not Var v) return LinearValue.ConstantValue(Math.Abs(value.Constant));
        double magnitude = Math.Max(Math.Abs(model.LowerBound(v)), Math.Abs(model.UpperBound(v))) * Math.Abs(value.Coefficient) + Math.Abs(value.Constant);
        var a = model.AddContinuous(0, magnitude);
        var sign = model.AddBinary();
        var plus = new Expr().Add(a).Add(sign, 2 * magnitude); value.AddTo(plus, -1.0);
        model.AddConstraint(double.NegativeInfinity, plus, 2 * magnitude);   // a ≤ g + 2G(1 − σ)
        var minus = new Expr().Add(a).Add(sign, -2 * magnitude); value.AddTo(minus, 1.0);
        model.AddConstraint(double.NegativeInfinity, minus, 0.0);            // a ≤ −g + 2Gσ
        return LinearValue.Of(a);
    }

}
