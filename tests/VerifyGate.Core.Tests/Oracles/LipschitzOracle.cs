using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>The exact Lipschitz constant and where it is attained. <see cref="Point"/> and
/// <see cref="Direction"/> are full input vectors (fixed inputs: their value, and 0 in the direction);
/// the Euclidean ball of <see cref="Radius"/> around the point over the free inputs lies inside the
/// witness region and the box, so x ± τ·Direction with τ·‖Direction‖_2 &lt; Radius realises the value.</summary>
public sealed record LipschitzOracleResult(
    double Value,
    ActivationPattern Pattern,
    double[] Point,
    double Radius,
    double[] Direction,
    LinearRegion Witness,
    int RegionCount);

/// <summary>Brute-force L_{p,q}(f, box) = max over activation regions with interior of ‖J‖_{p→q},
/// the reference the Lipschitz engine is tested against (math.md, soundness rule 4).</summary>
public static class LipschitzOracle
{
    public static LipschitzOracleResult Compute(Network net, double[] lo, double[] hi, NormKind p, NormKind q, int[]? outputs = null) =>
        Compute(ActivationRegions.Enumerate(net, lo, hi), p, q, outputs);

    /// <summary>The constant from an enumeration already made (one enumeration serves all nine norm
    /// pairs). <paramref name="outputs"/> selects output rows (all when null).</summary>
    public static LipschitzOracleResult Compute(RegionEnumeration regions, NormKind p, NormKind q, int[]? outputs = null)
    {
        if (regions.Regions.Count == 0) throw new InvalidOperationException("no activation region has interior in the box");
        int m = regions.Network.OutputSize;
        outputs ??= Enumerable.Range(0, m).ToArray();
        if (outputs.Any(o => o < 0 || o >= m)) throw new ArgumentException($"outputs must lie in [0, {m})");

        LinearRegion? best = null;
        OperatorNormResult? bestNorm = null;
        foreach (var region in regions.Regions)
        {
            var norm = OperatorNorm.Compute(SelectRows(region.Jacobian, outputs), p, q);
            if (bestNorm is null || norm.Value > bestNorm.Value)
            {
                best = region;
                bestNorm = norm;
            }
        }

        var (centre, radius) = Centre(regions, best!);
        var direction = new double[regions.Network.InputSize];
        for (int k = 0; k < regions.FreeInputs.Length; k++) direction[regions.FreeInputs[k]] = bestNorm!.Direction[k];
        return new LipschitzOracleResult(bestNorm!.Value, best!.Pattern, regions.FullInput(centre), radius,
            direction, best, regions.Regions.Count);
    }

    /// <summary>The region's Chebyshev centre (the search may have kept a point near its boundary).</summary>
    private static (double[] Point, double Radius) Centre(RegionEnumeration regions, LinearRegion region)
    {
        var lo = regions.FreeInputs.Select(i => regions.Lo[i]).ToArray();
        var hi = regions.FreeInputs.Select(i => regions.Hi[i]).ToArray();
        using var lp = new InteriorLp(lo, hi);
        for (int i = 0; i < region.Constraints.Count; i++) lp.Set(i, region.Constraints[i]);
        var solved = lp.Solve();
        return solved is { } s && s.Radius > region.Radius ? s : (region.Point, region.Radius);
    }

    private static double[,] SelectRows(double[,] j, int[] rows)
    {
        var result = new double[rows.Length, j.GetLength(1)];
        for (int r = 0; r < rows.Length; r++)
            for (int k = 0; k < j.GetLength(1); k++)
                result[r, k] = j[rows[r], k];
        return result;
    }
}
