using VerifyGate.Core.Bounds;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Chooses where to bisect a box: among its widest free inputs (width relative to the root
/// box), the one whose halves leave the fewest unstable ReLUs in total, since the MIP's effort grows
/// with that count. Inputs fixed in the query (lower = upper) are never split.</summary>
internal static class SplitDimension
{
    private const int Candidates = 8;
    /// <summary>Above this size one bound propagation costs too much to try several dimensions.</summary>
    private const long ScoringParameterLimit = 2_000_000;

    /// <summary>The two halves of <paramref name="box"/>, or null when no input can be split any more.</summary>
    public static SplitBox[]? Split(LipschitzQuery query, SplitBox box)
    {
        var candidates = Enumerable.Range(0, box.Low.Length)
            .Where(i => query.Lower[i] < query.Upper[i] && Midpoint(box, i) is var m && m > box.Low[i] && m < box.High[i])
            .OrderByDescending(i => (box.High[i] - box.Low[i]) / (query.Upper[i] - query.Lower[i]))
            .Take(query.Network.ParameterCount > ScoringParameterLimit ? 1 : Candidates)
            .ToArray();
        if (candidates.Length == 0) return null;
        var options = candidates.Select(i => Halves(query, box, i)).ToArray();
        return options.MinBy(halves => halves.Sum(h => h.Unstable));
    }

    private static double Midpoint(SplitBox box, int i) => box.Low[i] + (box.High[i] - box.Low[i]) / 2;

    private static SplitBox[] Halves(LipschitzQuery query, SplitBox box, int i)
    {
        double middle = Midpoint(box, i);
        double[] leftHigh = [.. box.High], rightLow = [.. box.Low];
        leftHigh[i] = middle;
        rightLow[i] = middle;
        return
        [
            Scored(query, box.Low, leftHigh),
            Scored(query, rightLow, box.High),
        ];
    }

    /// <summary>The box with its bounds; they are the node's own bounds too unless LP tightening is asked for.</summary>
    private static SplitBox Scored(LipschitzQuery query, double[] low, double[] high)
    {
        var bounds = BoundPropagation.Compute(query.Network, low, high, ScoringMethod(query.BoundMethod));
        return new SplitBox(low, high, bounds.TotalUnstable, bounds.Method == query.BoundMethod ? bounds : null);
    }

    /// <summary>LP tightening is too slow to score every candidate with.</summary>
    private static BoundMethod ScoringMethod(BoundMethod method) => method == BoundMethod.LpTightened ? BoundMethod.Symbolic : method;
}
