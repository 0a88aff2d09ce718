using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>One maximisation whose optimum, over all sub-problems, gives L (or L² for q = 2).
/// The unit ball of the input norm is symmetric (v ↦ −v), so max −g_j = max g_j and a sign vector
/// and its negation give the same optimum: only half of them are solved.
/// A squared objective is written in units of <see cref="Scale"/>: Σ (g_j / s)². Unscaled, a value of
/// 1e-6 is 1e-12 in the objective, below SCIP's precision of 1e-9, and a threshold there is lost; with s
/// at the decision's scale the threshold sits near 1. Since every variable still carries SCIP's absolute
/// feasibility tolerance, a scaled bound is widened by <see cref="ValueMargin"/> in the value's own units.
/// A surrogate objective bounds the quantity only up to <see cref="BoundFactor"/>: the l2 norm of k terms
/// is at most √k times their largest magnitude, so linear max-term objectives decide small l2 thresholds
/// without a non-convex square (<see cref="L2ByLargestTerm"/>).</summary>
public sealed record LipschitzObjective(string Name, Action<MipModel, LinearValue[]> Apply, bool Squared, double Scale = 1, double BoundFactor = 1)
{
    /// <summary>The objective value that corresponds to a value of the quantity.</summary>
    public double ToObjective(double value) => Squared ? value / Scale * (value / Scale) : value;

    /// <summary>The value that corresponds to an objective value.</summary>
    public double FromObjective(double objective) => Squared ? Scale * Math.Sqrt(Math.Max(0, objective)) : objective;

    /// <summary>Absolute widening of a scaled objective's bounds, in the value's units: ten times SCIP's
    /// feasibility tolerance on the variables the value is made of.</summary>
    public double ValueMargin => Squared && Scale < 1 ? 1e-8 : 0;

    /// <summary>The certified value bound that an (already inflated) proven objective bound gives.</summary>
    public double BoundFromObjective(double objectiveBound) => BoundFactor * FromObjective(objectiveBound) + ValueMargin;

    /// <summary>The objective target whose proven bound, through <see cref="BoundFromObjective"/>, lands at or
    /// below <paramref name="value"/>: where a solve may stop once it has decided "at most value".</summary>
    public double ObjectiveBelow(double value) => ToObjective(Math.Max(0, value - 2 * ValueMargin) / BoundFactor);

    /// <summary>Linear surrogates of the l2 norm of <paramref name="terms"/> values: max v_j for each j (by the
    /// symmetry of the pair, max −v_j is the same), with ‖v‖_2 ≤ √terms · max_j |v_j| as the bound.</summary>
    public static IReadOnlyList<LipschitzObjective> L2ByLargestTerm(int terms) =>
        For(NormKind.Inf, terms).Select(o => o with { Name = $"{o.Name} (l2 surrogate)", BoundFactor = Math.Sqrt(terms) }).ToList();

    /// <summary>The scale of squared objectives for a decision at <paramref name="value"/> on a quantity whose
    /// values reach about <paramref name="quantityScale"/> (the box's diameter, an interval bound): the value
    /// itself, but no smaller than 1e-3 of the quantity's scale, which keeps the objective's coefficients
    /// within 1e6 of each other (beyond that SCIP's search stalls); and 1 (unscaled) for values of 1 and more.</summary>
    public static double ScaleFor(double? value, double quantityScale)
    {
        if (value is not double v || !double.IsFinite(v) || v >= 1) return 1;
        double floor = double.IsFinite(quantityScale) ? 1e-3 * quantityScale : 0;
        return Math.Min(1, Math.Max(v, Math.Max(floor, Resolution.Floor)));
    }

    /// <summary>Output count up to which q = 1 enumerates sign vectors (2^(m−1) sub-problems).</summary>
    public const int MaxSignEnumeration = 6;

    /// <summary>The sub-problems for outputs g_0..g_{m−1} (the selected outputs' tangents) under norm q.</summary>
    /// <param name="scale">The scale of a squared objective (q = 2); see <see cref="ScaleFor"/>.</param>
    public static IReadOnlyList<LipschitzObjective> For(NormKind q, int outputCount, double scale = 1) => q switch
    {
        NormKind.Inf => Enumerable.Range(0, outputCount)
            .Select(j => new LipschitzObjective($"max g{j}", (model, g) => Maximize(model, g, s => s == j ? 1.0 : 0.0), false))
            .ToList(),
        NormKind.One when outputCount <= MaxSignEnumeration => Enumerable.Range(0, 1 << (outputCount - 1))
            .Select(mask => new LipschitzObjective($"signs {mask}",
                (model, g) => Maximize(model, g, s => s == 0 || (mask & (1 << (s - 1))) == 0 ? 1.0 : -1.0), false))
            .ToList(),
        NormKind.One => [new LipschitzObjective("sum |g|", MaximizeAbsoluteSum, false)],
        _ => [new LipschitzObjective("sum g^2", (model, g) => MaximizeSquares(model, g, scale), true, scale)],
    };

    private static void Maximize(MipModel model, LinearValue[] g, Func<int, double> weight)
    {
        var objective = new Expr();
        for (int j = 0; j < g.Length; j++) g[j].AddTo(objective, weight(j));
        model.SetMaximize(objective);
    }

    private static void MaximizeSquares(MipModel model, LinearValue[] g, double scale)
    {
        var objective = new Expr();
        foreach (var unscaled in g)
        {
            var value = scale == 1 ? unscaled : unscaled.Scale(1 / scale);
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
        foreach (var value in g)
        {
            if (value.Variable is not Var v) { objective.Constant += Math.Abs(value.Constant); continue; }
            double magnitude = Math.Max(Math.Abs(model.LowerBound(v)), Math.Abs(model.UpperBound(v))) * Math.Abs(value.Coefficient) + Math.Abs(value.Constant);
            var a = model.AddContinuous(0, magnitude);
            var sign = model.AddBinary();
            var plus = new Expr().Add(a).Add(sign, 2 * magnitude); value.AddTo(plus, -1.0);
            model.AddConstraint(double.NegativeInfinity, plus, 2 * magnitude);   // a ≤ g + 2G(1 − σ)
            var minus = new Expr().Add(a).Add(sign, -2 * magnitude); value.AddTo(minus, 1.0);
            model.AddConstraint(double.NegativeInfinity, minus, 0.0);            // a ≤ −g + 2Gσ
            objective.Add(a);
        }
        model.SetMaximize(objective);
    }
}
