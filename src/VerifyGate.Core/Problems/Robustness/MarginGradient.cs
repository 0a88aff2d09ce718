using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>The gradient with respect to the input of a linear function w·y of the outputs at x, on the linear
/// piece the network has at x (reverse mode through the DAG; a ReLU passes the gradient where its input is
/// positive, α of it elsewhere). Used only to steer the search for counterexamples, never for a bound.</summary>
internal static class MarginGradient
{
    public static double[] At(Network network, double[][] values, ReadOnlySpan<double> outputWeights)
    {
        var g = new double[network.Nodes.Count][];
        g[network.OutputIndex] = outputWeights.ToArray();
        for (int i = network.OutputIndex; i > 0; i--)
        {
            if (g[i] is not { } gi) continue;
            switch (network.Nodes[i])
            {
                case AffineNode affine:
                    foreach (var term in affine.Terms)
                        term.Weight.TransposeMultiplyAdd(gi, g[term.Source] ??= new double[network.Nodes[term.Source].Size]);
                    break;
                case ReluNode relu:
                    var target = g[relu.Source] ??= new double[relu.Size];
                    var z = values[relu.Source];
                    for (int j = 0; j < relu.Size; j++) target[j] += z[j] > 0 ? gi[j] : relu.NegativeSlope * gi[j];
                    break;
            }
        }
        return g[0] ?? new double[network.InputSize];
    }
}
