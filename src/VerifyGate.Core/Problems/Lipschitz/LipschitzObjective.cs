using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
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
    /// <summary>Set for a sub-problem over the gradient encoding (<see cref="GradientEncoding"/>): the index of the output
    /// covector u whose G_0 = uᵀJ the objective reads (on the free inputs); unset, it reads the output tangent J v.</summary>
    public int? GradientSeed { get; init; }

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

    /// <summary>The output covectors of the gradient encoding for q (<see cref="OutputCovectors"/>): unit vectors for q = inf,
    /// sign vectors for q = 1 up to <see cref="MaxSignEnumeration"/> outputs; null when the encoding does not apply (q = 2, or
    /// too many outputs), and the tangent encoding is used.</summary>
    public static double[][]? GradientSeeds(Network network, int[] outputs, NormKind q) => q switch
    {
        NormKind.Inf => OutputCovectors.Units(network, outputs),
        NormKind.One when outputs.Length <= MaxSignEnumeration => OutputCovectors.Signs(outputs.Length).Select(s => OutputCovectors.Weighted(network, outputs, s)).ToArray(),
        _ when outputs.Length == 1 => OutputCovectors.Units(network, outputs),
        _ => null,
    };

    /// <summary>The sub-problems over the gradient encoding: per covector u, the dual norm ‖uᵀJ‖_{p*} of its G_0 over the
    /// free inputs, each entry in absolute value since u and −u are not both seeds: Σ|g| (p = inf), max |g| (p = 1),
    /// Σ g² (p = 2).</summary>
    public static IReadOnlyList<LipschitzObjective> ForGradient(NormKind p, int seeds, int freeInputs)
    {
        LipschitzObjective perSeed = p switch
        {
            NormKind.Two when freeInputs > 1 => new("sum g^2", MaximizeSquares, true),
            NormKind.One when freeInputs > 1 => new("max |g|", MaximizeLargestMagnitude, false),
            _ => new("sum |g|", MaximizeAbsoluteSum, false),
        };
        return Enumerable.Range(0, seeds).Select(s => perSeed with { Name = $"u{s}: {perSeed.Name}", GradientSeed = s }).ToList();
    }

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

    /// <summary>max_j |g_j| with a binary per entry and sign, one of them chosen: t ≤ ±g_j + (T ∓ …)(1 − b), Σ b = 1, T the
    /// largest bound on any |g_j|, so an unchosen row never binds.</summary>
    private static void MaximizeLargestMagnitude(MipModel model, LinearValue[] g)
    {
        double largest = g.Max(value => Reach(model, value));
        var t = model.AddContinuous(0, largest);
        var choice = new Expr();
        foreach (var value in g)
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                double reach = Reach(model, value);
                var b = model.AddBinary();
                choice.Add(b);
                // t ≤ sign·g + (T + |g|max)(1 − b)
                double m = largest + reach;
                var row = new Expr().Add(t).Add(b, m); value.AddTo(row, -sign);
                model.AddConstraint(double.NegativeInfinity, row, m);
            }
        model.AddConstraint(1.0, choice, 1.0);
        model.SetMaximize(new Expr().Add(t));
    }

    /// <summary>The largest |g| the value's bounds allow.</summary>
    private static double Reach(MipModel model, LinearValue value) =>
        value.Variable is Var v
            ? Math.Max(Math.Abs(model.LowerBound(v)), Math.Abs(model.UpperBound(v))) * Math.Abs(value.Coefficient) + Math.Abs(value.Constant)
            : Math.Abs(value.Constant);

    /// <summary>A value a with a ≤ |g| at every point and a = |g| at the optimum: a ≤ g + 2G(1 − σ), a ≤ −g + 2Gσ with a
    /// sign binary σ, G the bound on |g|.</summary>
    private static LinearValue Magnitude(MipModel model, LinearValue value)
    {
        if (value.Variable is null) return LinearValue.ConstantValue(Math.Abs(value.Constant));
        double magnitude = Reach(model, value);
        var a = model.AddContinuous(0, magnitude);
        var sign = model.AddBinary();
        var plus = new Expr().Add(a).Add(sign, 2 * magnitude); value.AddTo(plus, -1.0);
        model.AddConstraint(double.NegativeInfinity, plus, 2 * magnitude);   // a ≤ g + 2G(1 − σ)
        var minus = new Expr().Add(a).Add(sign, -2 * magnitude); value.AddTo(minus, 1.0);
        model.AddConstraint(double.NegativeInfinity, minus, 0.0);            // a ≤ −g + 2Gσ
        return LinearValue.Of(a);
    }

}
