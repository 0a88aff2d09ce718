using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>One maximisation whose optimum, over all sub-problems, gives L (or L² for q = 2).
/// The unit ball of the input norm is symmetric (v ↦ −v), so max −g_j = max g_j and a sign vector
/// and its negation give the same optimum: only half of them are solved.</summary>
public sealed record LipschitzObjective(string Name, Action<MipModel, LinearValue[]> Apply, bool Squared)
{
    /// <summary>The objective value that corresponds to a Lipschitz value.</summary>
    public double ToObjective(double lipschitz) => Squared ? lipschitz * lipschitz : lipschitz;

    /// <summary>The Lipschitz value that corresponds to an objective value or bound.</summary>
    public double FromObjective(double objective) => Squared ? Math.Sqrt(Math.Max(0, objective)) : objective;

    /// <summary>Output count up to which q = 1 enumerates sign vectors (2^(m−1) sub-problems).</summary>
    public const int MaxSignEnumeration = 6;

    /// <summary>The sub-problems for outputs g_0..g_{m−1} (the selected outputs' tangents) under norm q.</summary>
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
        _ => [new LipschitzObjective("sum g^2", MaximizeSquares, true)],
    };

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
