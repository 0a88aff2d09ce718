namespace VerifyGate.Core.Networks;

/// <summary>On the region of one activation pattern the network is affine: every node's value is
/// A x + c. This computes A (node size x input size) and c for every node.</summary>
public sealed class LocalAffineMap
{
    private LocalAffineMap(double[][,] slopes, double[][] offsets)
    {
        Slopes = slopes;
        Offsets = offsets;
    }

    public double[][,] Slopes { get; }
    public double[][] Offsets { get; }

    public static LocalAffineMap Of(Network network, ActivationPattern pattern)
    {
        int n = network.InputSize;
        var slopes = new double[network.Nodes.Count][,];
        var offsets = new double[network.Nodes.Count][];
        slopes[0] = new double[n, n];
        for (int j = 0; j < n; j++) slopes[0][j, j] = 1.0;
        offsets[0] = new double[n];
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            var node = network.Nodes[i];
            var a = new double[node.Size, n];
            var c = new double[node.Size];
            switch (node)
            {
                case AffineNode affine:
                    Array.Copy(affine.Bias, c, node.Size);
                    foreach (var term in affine.Terms)
                    {
                        var sa = slopes[term.Source];
                        var sc = offsets[term.Source];
                        for (int r = 0; r < node.Size; r++)
                        {
                            var cols = term.Weight.RowColumns(r);
                            var vals = term.Weight.RowValues(r);
                            for (int k = 0; k < cols.Length; k++)
                            {
                                double w = vals[k];
                                int src = cols[k];
                                c[r] += w * sc[src];
                                for (int j = 0; j < n; j++) a[r, j] += w * sa[src, j];
                            }
                        }
                    }
                    break;
                case ReluNode relu:
                    var on = pattern.Active(relu.Index);
                    var ssa = slopes[relu.Source];
                    var ssc = offsets[relu.Source];
                    for (int r = 0; r < node.Size; r++)
                    {
                        double slope = on[r] ? 1.0 : relu.NegativeSlope;
                        c[r] = slope * ssc[r];
                        for (int j = 0; j < n; j++) a[r, j] = slope * ssa[r, j];
                    }
                    break;
            }
            slopes[i] = a;
            offsets[i] = c;
        }
        return new LocalAffineMap(slopes, offsets);
    }
}
