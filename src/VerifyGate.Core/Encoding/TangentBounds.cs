using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Encoding;

/// <summary>Interval bounds on the tangent t = J_node v of every node, over all directions with
/// ‖v‖_p ≤ 1 (fixed inputs excluded) and all activation patterns the pre-activation bounds allow
/// (math.md, "Encoding"). An affine term that reads the input directly is bounded exactly by the dual
/// norm of its rows; everything else by interval arithmetic through the same stable/unstable structure.</summary>
public sealed class TangentBounds
{
    private readonly double[][] _lower;
    private readonly double[][] _upper;

    private TangentBounds(double[][] lower, double[][] upper)
    {
        _lower = lower;
        _upper = upper;
    }

    public double Lower(int node, int index) => _lower[node][index];
    public double Upper(int node, int index) => _upper[node][index];
    public double Magnitude(int node, int index) => Math.Max(-_lower[node][index], _upper[node][index]);

    /// <param name="jacobians">optional <see cref="ForwardJacobianBounds"/> of the same box: each tangent is
    /// also bounded by |t_i| ≤ ‖magnitudes of row i of J_node‖ in the dual norm, and the tighter bound kept.</param>
    public static TangentBounds Compute(NetworkBounds bounds, NormKind inputNorm, bool[] fixedInputs, IntervalMatrix[]? jacobians = null)
    {
        var network = bounds.Network;
        var lower = new double[network.Nodes.Count][];
        var upper = new double[network.Nodes.Count][];
        lower[0] = fixedInputs.Select(f => f ? 0.0 : -1.0).ToArray();
        upper[0] = fixedInputs.Select(f => f ? 0.0 : 1.0).ToArray();
        var dual = inputNorm.Dual();
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            var node = network.Nodes[i];
            lower[i] = new double[node.Size];
            upper[i] = new double[node.Size];
            if (node is AffineNode affine)
                BoundAffine(affine, network, lower, upper, fixedInputs, dual);
            else if (node is ReluNode relu)
                BoundActivation(relu, bounds, lower, upper);
            if (jacobians is not null) Intersect(jacobians[i], dual, lower[i], upper[i]);
        }
        return new TangentBounds(lower, upper);
    }

    private static void BoundAffine(AffineNode node, Network network, double[][] lower, double[][] upper, bool[] fixedInputs, NormKind dual)
    {
        var row = new double[network.InputSize];
        for (int r = 0; r < node.Size; r++)
        {
            double lo = 0, hi = 0;
            foreach (var term in node.Terms)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                if (network.Nodes[term.Source] is InputNode)
                {
                    Array.Clear(row);
                    for (int k = 0; k < cols.Length; k++)
                        if (!fixedInputs[cols[k]]) row[cols[k]] = vals[k];
                    double reach = VectorNorm.Norm(row, dual);
                    lo -= reach;
                    hi += reach;
                    continue;
                }
                var sl = lower[term.Source];
                var su = upper[term.Source];
                for (int k = 0; k < cols.Length; k++)
                {
                    double w = vals[k];
                    lo += w >= 0 ? w * sl[cols[k]] : w * su[cols[k]];
                    hi += w >= 0 ? w * su[cols[k]] : w * sl[cols[k]];
                }
            }
            double margin = 1e-9 * Math.Max(Math.Abs(lo), Math.Abs(hi)) + 1e-12;
            lower[node.Index][r] = lo - margin;
            upper[node.Index][r] = hi + margin;
        }
    }

    private static void Intersect(IntervalMatrix jacobian, NormKind dual, double[] lower, double[] upper)
    {
        var row = new double[jacobian.Columns];
        for (int r = 0; r < lower.Length; r++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = jacobian.Magnitude(r, c);
            double reach = VectorNorm.Norm(row, dual) * (1 + 1e-12);
            lower[r] = Math.Max(lower[r], -reach);
            upper[r] = Math.Min(upper[r], reach);
        }
    }

    private static void BoundActivation(ReluNode node, NetworkBounds bounds, double[][] lower, double[][] upper)
    {
        double alpha = node.NegativeSlope;
        for (int j = 0; j < node.Size; j++)
        {
            double tl = lower[node.Source][j], tu = upper[node.Source][j];
            switch (bounds.State(node.Index, j))
            {
                case NeuronState.StableActive:
                    lower[node.Index][j] = tl;
                    upper[node.Index][j] = tu;
                    break;
                case NeuronState.StableInactive:
                    lower[node.Index][j] = alpha * tl;
                    upper[node.Index][j] = alpha * tu;
                    break;
                default:
                    lower[node.Index][j] = Math.Min(tl, alpha * tl);
                    upper[node.Index][j] = Math.Max(tu, alpha * tu);
                    break;
            }
        }
    }
}
