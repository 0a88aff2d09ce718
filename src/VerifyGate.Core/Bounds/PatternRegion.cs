using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

public enum RegionKind
{
    /// <summary>The LP found a point deep inside the region (its <see cref="PatternRegionResult.Depth"/> &gt; 0).</summary>
    Interior,
    /// <summary>Proven: no point of the box has this pattern, not even on a ReLU boundary.</summary>
    Empty,
    /// <summary>Neither shown (a region of no interior, or the LP did not finish).</summary>
    Unknown,
}

/// <param name="Point">For <see cref="RegionKind.Interior"/>, a full-length input deep inside the region.</param>
public sealed record PatternRegionResult(RegionKind Kind, double[]? Point = null, double Depth = 0);

/// <summary>Where an activation pattern's region lies within a box. Under the pattern every pre-activation is affine
/// in the input, z_i(x) = A_i x + c_i (<see cref="LocalAffineMap"/>), so the region is the polyhedron
/// σ_i (A_i x + c_i) ≥ 0 over the box's unstable neurons (σ_i = ±1 their phase; unstable over the whole box, for bounds
/// of a part of it, <see cref="NetworkBounds.WholeBox"/>). One GLOP LP,
///   minimise t  subject to  σ_i (A_i x + c_i) / ‖A_i‖₂ + t ≥ −ε_i / ‖A_i‖₂,  lo − t ≤ x ≤ hi + t,  x in the box,
/// answers both questions: an optimum t* &lt; 0 is a point at depth −t* inside the region and the box (interior);
/// a rigorous lower bound t ≥ τ &gt; 0 from the LP's duals (<see cref="DualBound"/>, sound whatever GLOP's tolerances)
/// proves even the widened region empty. The widening ε_i = 1e-9 (1 + |c_i| + Σ_j |A_ij| max(|lo_j|, |hi_j|)) covers
/// the float64 rounding of A_i and c_i, which the map computes layer by layer (relative errors of order 1e-14 here),
/// so an empty verdict holds for the network's exact pre-activations.</summary>
public static class PatternRegion
{
    private const double Widening = 1e-9;

    public static PatternRegionResult Classify(NetworkBounds bounds, ActivationPattern pattern, LocalAffineMap map,
        double timeLimitSeconds = 5)
    {
        var network = bounds.Network;
        var lo = bounds.Lower(0);
        var hi = bounds.Upper(0);
        var column = new int[lo.Length];
        int free = 0;
        for (int j = 0; j < lo.Length; j++) column[j] = lo[j] < hi[j] ? free++ : -1;
        int t = free;
        double width = lo.Select((l, j) => hi[j] - l).DefaultIfEmpty(0).Max();

        var rows = new List<(double, double, Dictionary<int, double>)>();
        foreach (var relu in network.Activations)
        {
            var on = pattern.Active(relu.Index);
            var slope = map.Slopes[relu.Source];
            var offset = map.Offsets[relu.Source];
            for (int r = 0; r < relu.Size; r++)
            {
                if (bounds.WholeBox.State(relu.Index, r) != NeuronState.Unstable) continue;
                double sign = on[r] ? 1.0 : -1.0;
                double constant = sign * offset[r], magnitude = Math.Abs(offset[r]), norm = 0;
                var row = new Dictionary<int, double>();
                for (int j = 0; j < lo.Length; j++)
                {
                    double a = sign * slope[r, j];
                    if (a == 0) continue;
                    magnitude += Math.Abs(a) * Math.Max(Math.Abs(lo[j]), Math.Abs(hi[j]));
                    if (column[j] >= 0) { row[column[j]] = a; norm += a * a; }
                    else constant += a * lo[j];
                }
                double epsilon = Widening * (1 + magnitude);
                if (norm == 0)
                {
                    // Constant under this pattern: it decides alone whether the region can exist.
                    if (constant < -epsilon) return new PatternRegionResult(RegionKind.Empty);
                    continue;
                }
                norm = Math.Sqrt(norm);
                foreach (var key in row.Keys.ToArray()) row[key] /= norm;
                row[t] = 1.0;
                rows.Add(((-constant - epsilon) / norm, double.PositiveInfinity, row));
            }
        }
        for (int j = 0; j < lo.Length; j++)
        {
            if (column[j] < 0) continue;
            rows.Add((lo[j], double.PositiveInfinity, new Dictionary<int, double> { [column[j]] = 1.0, [t] = 1.0 }));
            rows.Add((double.NegativeInfinity, hi[j], new Dictionary<int, double> { [column[j]] = 1.0, [t] = -1.0 }));
        }
        var varLower = new double[free + 1];
        var varUpper = new double[free + 1];
        for (int j = 0; j < lo.Length; j++)
            if (column[j] >= 0) { varLower[column[j]] = lo[j]; varUpper[column[j]] = hi[j]; }
        varLower[t] = -Math.Max(width, 1e-12);
        // Just enough room for t to make the box's centre feasible: the dual bound's rounding margin grows with it.
        double centreShortfall = 0;
        foreach (var (rowLower, _, row) in rows)
            centreShortfall = Math.Max(centreShortfall, rowLower - row.Where(e => e.Key != t).Sum(e => e.Value * (varLower[e.Key] + varUpper[e.Key]) / 2));
        varUpper[t] = 2 * centreShortfall + width;

        var lp = LpRelaxation.FromRows(network, varLower, varUpper, rows);
        using var glop = new GlopRelaxationSolver(lp);
        var objective = new double[free + 1];
        objective[t] = 1.0;
        if (glop.Minimise(objective, 0, timeLimitSeconds) is not double lowerBound) return new PatternRegionResult(RegionKind.Unknown);
        if (lowerBound > 0) return new PatternRegionResult(RegionKind.Empty);
        var primal = glop.LastPrimal();
        double depth = -primal[t];
        if (!(depth > 1e-12 * Math.Max(1, width))) return new PatternRegionResult(RegionKind.Unknown);
        var point = new double[lo.Length];
        for (int j = 0; j < lo.Length; j++) point[j] = column[j] >= 0 ? Math.Clamp(primal[column[j]], lo[j], hi[j]) : lo[j];
        return new PatternRegionResult(RegionKind.Interior, point, depth);
    }
}
