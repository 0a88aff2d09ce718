using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>The LP bound of one clause's margin over a node: min t subject to t ≥ s_j for each atom's slack s_j, over
/// the triangle relaxation of the slack network with the node's bounds (<see cref="LpRelaxation"/>). Where every ReLU
/// of the node is stable (all phases fixed by branching, or by the box) the relaxation is the network itself on the
/// node, so the bound is the clause's exact minimum and the LP's point attains it. The bound is rigorous for whatever
/// duals GLOP returns (<see cref="DualBound"/>); t is boxed by bounds it provably lies within at the optimum.</summary>
internal static class MarginLp
{
    public static (double? Lower, double[]? Point) Clause(NetworkBounds bounds, int firstRow, int atoms, double seconds)
    {
        var network = bounds.Network;
        int target = network.OutputIndex;
        var relaxation = LpRelaxation.Build(bounds, target);
        int t = relaxation.VariableCount;
        double tLow = double.PositiveInfinity, tHigh = double.NegativeInfinity;
        for (int j = firstRow; j < firstRow + atoms; j++)
        {
            tLow = Math.Min(tLow, bounds.Lower(target, j));
            tHigh = Math.Max(tHigh, bounds.Upper(target, j));
        }
        double width = tHigh - tLow;
        if (!double.IsFinite(width)) return (null, null);
        var rows = new List<(double, double, Dictionary<int, double>)>();
        for (int r = 0; r < relaxation.RowCount; r++)
        {
            var row = new Dictionary<int, double>();
            for (int k = relaxation.RowStart(r); k < relaxation.RowEnd(r); k++) row[relaxation.Column(k)] = relaxation.Coefficient(k);
            rows.Add((relaxation.RowLower(r), relaxation.RowUpper(r), row));
        }
        for (int j = firstRow; j < firstRow + atoms; j++)
        {
            var (c, constant) = relaxation.TargetRow(j);
            var row = new Dictionary<int, double> { [t] = 1 };
            for (int i = 0; i < c.Length; i++) if (c[i] != 0) row[i] = -c[i];
            rows.Add((constant, double.PositiveInfinity, row));  // t − c·v ≥ constant, i.e. t ≥ s_j
        }
        var lp = LpRelaxation.FromRows(network, [.. relaxation.VarLower, tLow - 1e-6 * (1 + width)], [.. relaxation.VarUpper, tHigh + 1e-6 * (1 + width)], rows);
        using var solver = new GlopRelaxationSolver(lp);
        var objective = new double[lp.VariableCount];
        objective[t] = 1;
        if (solver.Minimise(objective, 0, seconds) is not double lower) return (null, null);
        var primal = solver.LastPrimal();
        int inputs = network.InputSize, offset = relaxation.Offset[0];
        var x = new double[inputs];
        for (int i = 0; i < inputs; i++) x[i] = Math.Clamp(primal[offset + i], bounds.Lower(0, i), bounds.Upper(0, i));
        return (lower, x);
    }
}
