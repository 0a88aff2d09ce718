using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Certified bounds on the difference Δv = v(x) − v(y) of every node value of one network, over pairs with x in
/// one box and y in another, optionally coupled at some outputs by |f_o(x) − f_o(y)| ≤ η (math.md, "Invertibility":
/// the differential bounds of the two-copy encodings).
/// <para><b>Method card.</b> Accepts: the two copies' bounds (<see cref="NetworkBounds"/> over each box), the coupled
/// outputs and η. Method: (1) an interval pass in topological order: Δ of an input is [l_x − u_y, u_x − l_y]; an affine
/// node maps Δ by its weights alone (the bias cancels); an activation maps Δz to Δh = s·Δz with a slope s in [α, 1]
/// (exactly Δz when both copies are stably active, αΔz when both are stably inactive); every value is intersected with
/// the difference of the copies' own bounds, and a coupled output with [−η, η]. (2) Optionally, rounds of LP
/// tightening over the difference network alone: one variable per Δ, the affine rows, the activation rows of
/// <see cref="ReluDifferenceHull"/>, the coupled outputs boxed by η; each Δ of an input or of an affine node is minimised
/// and maximised by GLOP, and its bound taken from the dual multipliers (<see cref="DualBound"/>); the rows are rebuilt
/// from the tightened bounds for the next round. The LP is where the coupling reaches back to the inputs: with η = 0
/// and a map close to the identity it shrinks Δx, the quantity D itself.
/// Why it is sound: every pair of the boxes that meets the coupling gives Δ values that satisfy every row (the hull
/// contains the set {(d, s·d) : s in [α, 1]}, the copies' bounds hold for each copy), and the dual bound holds for any
/// multipliers; outward rounding covers the float64 sums.
/// Reference: the differential intervals of ReluDiff (Paulsen et al., ICSE 2020) and NeuroDiff (ASE 2020), with the
/// LP refinement of MILP-based equivalence checking (Kleine Büning et al.).</para></summary>
public sealed class DifferenceBounds
{
    private readonly double[][] _lower, _upper;

    private DifferenceBounds(NetworkBounds x, NetworkBounds y)
    {
        X = x;
        Y = y;
        int count = x.Network.Nodes.Count;
        _lower = new double[count][];
        _upper = new double[count][];
    }

    public NetworkBounds X { get; }
    public NetworkBounds Y { get; }
    public Network Network => X.Network;

    /// <summary>LPs solved (and failed) by the tightening rounds.</summary>
    public int LpSolved { get; private set; }
    public int LpFailed { get; private set; }

    public double Lower(int node, int index) => _lower[node][index];
    public double Upper(int node, int index) => _upper[node][index];

    /// <summary>The difference bounds for x in <paramref name="x"/>'s box and y in <paramref name="y"/>'s, with
    /// |f_o(x) − f_o(y)| ≤ <paramref name="tolerance"/> for every o in <paramref name="coupledOutputs"/> (none when null),
    /// and up to <paramref name="lpRounds"/> rounds of LP tightening within <paramref name="timeBudgetSeconds"/>.</summary>
    public static DifferenceBounds Compute(NetworkBounds x, NetworkBounds y, IReadOnlyList<int>? coupledOutputs = null,
        double tolerance = double.PositiveInfinity, int lpRounds = 0, double timeBudgetSeconds = double.PositiveInfinity)
    {
        if (!ReferenceEquals(x.Network, y.Network)) throw new ArgumentException("the two copies must be of one network");
        if (!(tolerance >= 0)) throw new ArgumentException($"the output tolerance must not be negative, got {tolerance}");
        var result = new DifferenceBounds(x, y);
        result.IntervalPass(coupledOutputs ?? [], tolerance);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 0; round < lpRounds && clock.Elapsed.TotalSeconds < timeBudgetSeconds; round++)
            if (!result.TightenByLp(timeBudgetSeconds - clock.Elapsed.TotalSeconds)) break;
        return result;
    }

    /// <summary>A round has to shrink the total width by this share to be worth another.</summary>
    private const double RoundGain = 0.01;

    private void IntervalPass(IReadOnlyList<int> coupled, double tolerance)
    {
        var network = Network;
        for (int node = 0; node < network.Nodes.Count; node++)
        {
            int size = network.Nodes[node].Size;
            var lo = new double[size];
            var hi = new double[size];
            for (int j = 0; j < size; j++)
            {
                double naiveLow = X.Lower(node, j) - Y.Upper(node, j), naiveHigh = X.Upper(node, j) - Y.Lower(node, j);
                double magnitude = Math.Abs(X.Lower(node, j)) + Math.Abs(X.Upper(node, j)) + Math.Abs(Y.Lower(node, j)) + Math.Abs(Y.Upper(node, j));
                lo[j] = SafeRounding.Down(naiveLow, magnitude);
                hi[j] = SafeRounding.Up(naiveHigh, magnitude);
            }
            switch (network.Nodes[node])
            {
                case AffineNode affine: IntersectAffine(affine, lo, hi); break;
                case ReluNode relu: IntersectActivation(relu, lo, hi); break;
            }
            _lower[node] = lo;
            _upper[node] = hi;
            if (node == network.OutputIndex && double.IsFinite(tolerance))
                foreach (int o in coupled)
                {
                    lo[o] = Math.Max(lo[o], -tolerance);
                    hi[o] = Math.Min(hi[o], tolerance);
                }
        }
    }

    private void IntersectAffine(AffineNode node, double[] lo, double[] hi)
    {
        for (int r = 0; r < node.Size; r++)
        {
            double low = 0, high = 0, magnitude = 0;
            foreach (var term in node.Terms)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                for (int k = 0; k < cols.Length; k++)
                {
                    double w = vals[k], a = _lower[term.Source][cols[k]], b = _upper[term.Source][cols[k]];
                    low += w > 0 ? w * a : w * b;
                    high += w > 0 ? w * b : w * a;
                    magnitude += Math.Abs(w) * Math.Max(Math.Abs(a), Math.Abs(b));
                }
            }
            lo[r] = Math.Max(lo[r], SafeRounding.Down(low, magnitude));
            hi[r] = Math.Min(hi[r], SafeRounding.Up(high, magnitude));
        }
    }

    private void IntersectActivation(ReluNode node, double[] lo, double[] hi)
    {
        for (int j = 0; j < node.Size; j++)
        {
            var (low, high) = ReluDifferenceHull.Range(_lower[node.Source][j], _upper[node.Source][j], node.NegativeSlope,
                X.State(node.Index, j), Y.State(node.Index, j));
            lo[j] = Math.Max(lo[j], low);
            hi[j] = Math.Min(hi[j], high);
        }
    }

    /// <summary>One LP round; false when it no longer pays.</summary>
    private bool TightenByLp(double timeBudgetSeconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var network = Network;
        var offset = new int[network.Nodes.Count];
        int count = 0;
        for (int node = 0; node < offset.Length; node++)
        {
            offset[node] = count;
            count += network.Nodes[node].Size;
        }
        var varLower = new double[count];
        var varUpper = new double[count];
        for (int node = 0; node < offset.Length; node++)
            for (int j = 0; j < network.Nodes[node].Size; j++)
            {
                varLower[offset[node] + j] = _lower[node][j];
                varUpper[offset[node] + j] = _upper[node][j];
            }
        var lp = LpRelaxation.FromRows(network, varLower, varUpper, Rows(offset));
        double widthBefore = TotalWidth();
        using var solver = new GlopRelaxationSolver(lp);
        for (int node = 0; node < offset.Length; node++)
        {
            if (network.Nodes[node] is ReluNode) continue;   // follows its source, below
            for (int j = 0; j < network.Nodes[node].Size; j++)
            {
                double remaining = timeBudgetSeconds - clock.Elapsed.TotalSeconds;
                if (remaining <= 0) break;
                if (!(_upper[node][j] > _lower[node][j])) continue;
                var c = new double[count];
                c[offset[node] + j] = 1;
                if (solver.Minimise(c, 0, remaining) is { } min) _lower[node][j] = Math.Max(_lower[node][j], min);
                c[offset[node] + j] = -1;
                if (solver.Minimise(c, 0, remaining) is { } negatedMax) _upper[node][j] = Math.Min(_upper[node][j], -negatedMax);
            }
        }
        LpSolved += solver.Solved;
        LpFailed += solver.Failed;
        for (int node = 0; node < offset.Length; node++)
            if (network.Nodes[node] is ReluNode relu) IntersectActivation(relu, _lower[node], _upper[node]);
        Repair();
        return TotalWidth() < (1 - RoundGain) * widthBefore;
    }

    /// <summary>A dual bound may cross the other end by rounding when the two meet; the interval then is that point.</summary>
    private void Repair()
    {
        for (int node = 0; node < _lower.Length; node++)
            for (int j = 0; j < _lower[node].Length; j++)
                if (_lower[node][j] > _upper[node][j])
                {
                    double mid = (_lower[node][j] + _upper[node][j]) / 2;
                    double margin = SafeRounding.Margin(Math.Abs(mid)) + Math.Abs(_lower[node][j] - _upper[node][j]);
                    (_lower[node][j], _upper[node][j]) = (mid - margin, mid + margin);
                }
    }

    private double TotalWidth()
    {
        double sum = 0;
        for (int node = 0; node < _lower.Length; node++)
            for (int j = 0; j < _lower[node].Length; j++) sum += _upper[node][j] - _lower[node][j];
        return sum;
    }

    private IEnumerable<(double Lower, double Upper, Dictionary<int, double> Row)> Rows(int[] offset)
    {
        var network = Network;
        for (int node = 1; node < offset.Length; node++)
        {
            switch (network.Nodes[node])
            {
                case AffineNode affine:
                    for (int r = 0; r < affine.Size; r++)
                    {
                        var row = new Dictionary<int, double> { [offset[node] + r] = 1.0 };
                        foreach (var term in affine.Terms)
                        {
                            var cols = term.Weight.RowColumns(r);
                            var vals = term.Weight.RowValues(r);
                            for (int k = 0; k < cols.Length; k++)
                                row[offset[term.Source] + cols[k]] = row.GetValueOrDefault(offset[term.Source] + cols[k]) - vals[k];
                        }
                        yield return (0, 0, row);   // Δz − Σ W Δs = 0
                    }
                    break;
                case ReluNode relu:
                    for (int j = 0; j < relu.Size; j++)
                    {
                        int h = offset[node] + j, z = offset[relu.Source] + j;
                        foreach (var cut in ReluDifferenceHull.Cuts(_lower[relu.Source][j], _upper[relu.Source][j], relu.NegativeSlope,
                                     X.State(node, j), Y.State(node, j)))
                            yield return (cut.Lower, cut.Upper, new Dictionary<int, double> { [h] = 1.0, [z] = -cut.Slope });
                    }
                    break;
            }
        }
    }
}
