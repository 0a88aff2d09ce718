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
        var (slopes, offsets) = Allocate(network);
        Recompute(network, pattern.Active, slopes, offsets, 1);
        return new LocalAffineMap(slopes, offsets);
    }

    /// <summary>Slope and offset arrays for every node, the input's set to the identity.</summary>
    internal static (double[][,] Slopes, double[][] Offsets) Allocate(Network network)
    {
        int n = network.InputSize;
        var slopes = new double[network.Nodes.Count][,];
        var offsets = new double[network.Nodes.Count][];
        slopes[0] = new double[n, n];
        for (int j = 0; j < n; j++) slopes[0][j, j] = 1.0;
        offsets[0] = new double[n];
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            slopes[i] = new double[network.Nodes[i].Size, n];
            offsets[i] = new double[network.Nodes[i].Size];
        }
        return (slopes, offsets);
    }

    /// <summary>Overwrites the slopes (and offsets, when given) of nodes <paramref name="from"/> onwards from those
    /// before it, under the phases <paramref name="active"/> gives per activation node.</summary>
    internal static void Recompute(Network network, Func<int, bool[]> active, double[][,] slopes, double[][]? offsets, int from)
    {
        int n = network.InputSize;
        for (int i = from; i < network.Nodes.Count; i++)
        {
            var node = network.Nodes[i];
            var a = slopes[i];
            var c = offsets?[i];
            switch (node)
            {
                case AffineNode affine:
                    Array.Clear(a);
                    if (c is not null) Array.Copy(affine.Bias, c, node.Size);
                    foreach (var term in affine.Terms)
                    {
                        var sa = slopes[term.Source];
                        var sc = offsets?[term.Source];
                        for (int r = 0; r < node.Size; r++)
                        {
                            var cols = term.Weight.RowColumns(r);
                            var vals = term.Weight.RowValues(r);
                            for (int k = 0; k < cols.Length; k++)
                            {
                                double w = vals[k];
                                int src = cols[k];
                                if (c is not null) c[r] += w * sc![src];
                                for (int j = 0; j < n; j++) a[r, j] += w * sa[src, j];
                            }
                        }
                    }
                    break;
                case ReluNode relu:
                    var on = active(relu.Index);
                    var ssa = slopes[relu.Source];
                    var ssc = offsets?[relu.Source];
                    for (int r = 0; r < node.Size; r++)
                    {
                        double slope = on[r] ? 1.0 : relu.NegativeSlope;
                        if (c is not null) c[r] = slope * ssc![r];
                        for (int j = 0; j < n; j++) a[r, j] = slope * ssa[r, j];
                    }
                    break;
            }
        }
    }
}
