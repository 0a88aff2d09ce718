using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>The difference rows of a two-copy MIP (issue item "difference variables"): for every value v of the network
/// that is a variable in either copy, its difference v(x) − v(y) kept within its <see cref="DifferenceBounds"/>, and for
/// every activation not stable in the same phase in both copies the two rows of <see cref="ReluDifferenceHull"/>
/// linking Δh to Δz. The differences are linear expressions in the copies' own variables, so no variable is added.
/// Every pair the bounds cover meets every row (they hold for the integer points), so the rows cut only the LP
/// relaxation: two independent big-M copies let z = z′ carry h ≠ h′, the hull does not.</summary>
public static class DifferenceRows
{
    /// <summary>Adds the rows; returns how many.</summary>
    public static int Add(MipModel model, ForwardEncoding x, ForwardEncoding y, DifferenceBounds bounds)
    {
        var network = bounds.Network;
        int rows = 0;
        for (int node = 0; node < network.Nodes.Count; node++)
        {
            var a = x.Values[node];
            var b = y.Values[node];
            for (int j = 0; j < a.Length; j++)
            {
                if (a[j].Variable is null && b[j].Variable is null) continue;
                var (al, au) = PairCoupling.Range(model, a[j]);
                var (bl, bu) = PairCoupling.Range(model, b[j]);
                double lower = bounds.Lower(node, j), upper = bounds.Upper(node, j);
                bool tighter = lower > al - bu + Slack(al, bu) || upper < au - bl - Slack(au, bl);
                if (tighter && double.IsFinite(lower) && double.IsFinite(upper))
                {
                    model.AddConstraint(lower, Difference(a[j], b[j], 1.0), upper);
                    rows++;
                }
                if (network.Nodes[node] is not ReluNode relu) continue;
                var sx = x.Bounds.State(node, j);
                var sy = y.Bounds.State(node, j);
                if (sx == sy && sx != NeuronState.Unstable) continue;   // Δh = Δz or αΔz already, by aliasing
                int source = relu.Source;
                foreach (var cut in ReluDifferenceHull.Cuts(bounds.Lower(source, j), bounds.Upper(source, j), relu.NegativeSlope, sx, sy))
                {
                    var row = Difference(a[j], b[j], 1.0);
                    x.Values[source][j].AddTo(row, -cut.Slope);
                    y.Values[source][j].AddTo(row, cut.Slope);
                    model.AddConstraint(cut.Lower, row, cut.Upper);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double Slack(double a, double b) => 1e-9 * (Math.Abs(a) + Math.Abs(b) + 1);

    private static Expr Difference(LinearValue a, LinearValue b, double factor)
    {
        var row = new Expr();
        a.AddTo(row, factor);
        b.AddTo(row, -factor);
        return row;
    }
}
