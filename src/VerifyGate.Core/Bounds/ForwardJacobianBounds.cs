using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Interval bounds on the Jacobian of every node with respect to the input (node size x input
/// size), over every point of the box: the forward counterpart of <see cref="JacobianBounds"/>.
/// <para><b>Method card</b> (forward-mode interval Jacobian, as in FastLip, Weng et al. 2018).
/// Accepts: a network DAG of affine and ReLU / LeakyReLU nodes and the node bounds of an input box.
/// Method: the input's Jacobian is the identity (zero columns for fixed inputs); an affine node sums
/// W_k J_k over its terms, an activation scales row j by its slope interval (1, α or [α, 1] by the neuron's
/// state), all in interval arithmetic. Why it is sound: at every point of an activation region the slopes lie
/// in those intervals, interval arithmetic encloses every sum and product, and <see cref="SafeRounding"/>
/// widens each entry against float64 rounding. It keeps, per input direction, the correlations that
/// propagating the whole tangent ball as one interval per neuron loses, which bounds the tangent of every
/// hidden node (<c>TangentBounds</c>). Cost: (non-zero weights) x (inputs).</para></summary>
public static class ForwardJacobianBounds
{
    /// <summary>Per node, an interval matrix (node size x input size); fixed inputs' columns are zero.</summary>
    /// <summary>Whether one pass costs few enough operations ((non-zero weights) x (inputs)) to run it
    /// before every Lipschitz solve.</summary>
    public static bool Affordable(Network network) => (double)network.ParameterCount * network.InputSize <= 5e7;

    public static IntervalMatrix[] Compute(NetworkBounds bounds, bool[] fixedInputs)
    {
        var network = bounds.Network;
        int n = network.InputSize;
        var result = new IntervalMatrix[network.Nodes.Count];
        var lower = new double[network.Nodes.Count][];
        var upper = new double[network.Nodes.Count][];
        lower[0] = new double[n * n];
        upper[0] = new double[n * n];
        for (int c = 0; c < n; c++)
            if (!fixedInputs[c]) lower[0][c * n + c] = upper[0][c * n + c] = 1.0;
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            var node = network.Nodes[i];
            lower[i] = new double[node.Size * n];
            upper[i] = new double[node.Size * n];
            var magnitude = new double[node.Size * n];
            if (node is AffineNode affine)
                foreach (var term in affine.Terms) ThroughWeight(term, lower[term.Source], upper[term.Source], lower[i], upper[i], magnitude, n);
            else if (node is ReluNode relu)
                ThroughActivation(relu, bounds, lower[relu.Source], upper[relu.Source], lower[i], upper[i], magnitude, n);
            SlopeInterval.Widen(lower[i], upper[i], magnitude);
        }
        for (int i = 0; i < result.Length; i++) result[i] = new IntervalMatrix(network.Nodes[i].Size, n, lower[i], upper[i]);
        return result;
    }

    private static void ThroughWeight(AffineTerm term, double[] sl, double[] su, double[] lo, double[] hi, double[] magnitude, int n)
    {
        for (int row = 0; row < term.Weight.Rows; row++)
        {
            var cols = term.Weight.RowColumns(row);
            var vals = term.Weight.RowValues(row);
            int at = row * n;
            for (int k = 0; k < cols.Length; k++)
            {
                double w = vals[k];
                int from = cols[k] * n;
                for (int c = 0; c < n; c++)
                {
                    double l = sl[from + c], u = su[from + c];
                    if (w >= 0) { lo[at + c] += w * l; hi[at + c] += w * u; }
                    else { lo[at + c] += w * u; hi[at + c] += w * l; }
                    magnitude[at + c] += Math.Abs(w) * Math.Max(Math.Abs(l), Math.Abs(u));
                }
            }
        }
    }

    private static void ThroughActivation(ReluNode relu, NetworkBounds bounds, double[] sl, double[] su, double[] lo, double[] hi, double[] magnitude, int n)
    {
        for (int j = 0; j < relu.Size; j++)
        {
            var slope = SlopeInterval.Of(bounds, relu, j);
            for (int c = 0; c < n; c++)
            {
                int at = j * n + c;
                double l = sl[at], u = su[at];
                (lo[at], hi[at]) = SlopeInterval.Scale(l, u, slope);
                magnitude[at] = Math.Max(Math.Abs(lo[at]), Math.Abs(hi[at]));  // one rounded product each
            }
        }
    }
}
