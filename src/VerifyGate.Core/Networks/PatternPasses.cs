namespace VerifyGate.Core.Networks;

/// <summary>Passes through the affine piece one activation pattern selects, at the cost of evaluations rather than of the
/// whole local affine map (<see cref="LocalAffineMap"/>, inputs x weights): the Jacobian by reverse mode when there are
/// fewer outputs than inputs (mnist-net_256x2: 10 backward passes instead of a 784-wide forward one, 458 ms to a few), and
/// every node's value and rate along one direction (what <see cref="Problems.Lipschitz.WitnessPair"/> needs).</summary>
public static class PatternPasses
{
    /// <summary>The Jacobian (OutputSize x InputSize) of the pattern's affine piece.</summary>
    public static double[,] Jacobian(Network network, ActivationPattern pattern)
    {
        if (network.OutputSize >= network.InputSize) return LocalAffineMap.Of(network, pattern).Slopes[network.OutputIndex];
        var jacobian = new double[network.OutputSize, network.InputSize];
        for (int o = 0; o < network.OutputSize; o++)
        {
            var seed = new double[network.OutputSize];
            seed[o] = 1.0;
            var row = Sensitivities(network, pattern, seed)[0];
            for (int j = 0; j < row.Length; j++) jacobian[o, j] = row[j];
        }
        return jacobian;
    }

    /// <summary>The sensitivity of seedᵀ(output) to every node on the pattern's piece, carried from the output to the input
    /// through the transposed weights and the pattern's slopes (zero for nodes after the output).</summary>
    public static double[][] Sensitivities(Network network, ActivationPattern pattern, double[] seed)
    {
        var nodes = network.Nodes;
        var sensitivity = new double[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++) sensitivity[i] = new double[nodes[i].Size];
        seed.CopyTo(sensitivity[network.OutputIndex], 0);
        for (int i = network.OutputIndex; i > 0; i--)
        {
            var g = sensitivity[i];
            switch (nodes[i])
            {
                case AffineNode affine:
                    foreach (var term in affine.Terms) term.Weight.TransposeMultiplyAdd(g, sensitivity[term.Source]);
                    break;
                case ReluNode relu:
                    var on = pattern.Active(relu.Index);
                    var into = sensitivity[relu.Source];
                    for (int r = 0; r < g.Length; r++) into[r] += (on[r] ? 1.0 : relu.NegativeSlope) * g[r];
                    break;
            }
        }
        return sensitivity;
    }

    /// <summary>Every node's value at <paramref name="x"/> and its rate of change along <paramref name="v"/>, both on the
    /// pattern's affine piece (at a point outside the pattern's region the values are that piece's, not the network's).</summary>
    public static (double[][] Values, double[][] Rates) Along(Network network, ActivationPattern pattern, double[] x, double[] v)
    {
        var nodes = network.Nodes;
        var values = new double[nodes.Count][];
        var rates = new double[nodes.Count][];
        values[0] = (double[])x.Clone();
        rates[0] = (double[])v.Clone();
        for (int i = 1; i < nodes.Count; i++)
        {
            switch (nodes[i])
            {
                case AffineNode affine:
                    values[i] = (double[])affine.Bias.Clone();
                    rates[i] = new double[affine.Size];
                    foreach (var term in affine.Terms)
                    {
                        term.Weight.MultiplyAdd(values[term.Source], values[i]);
                        term.Weight.MultiplyAdd(rates[term.Source], rates[i]);
                    }
                    break;
                case ReluNode relu:
                    var on = pattern.Active(relu.Index);
                    values[i] = new double[relu.Size];
                    rates[i] = new double[relu.Size];
                    for (int r = 0; r < relu.Size; r++)
                    {
                        double slope = on[r] ? 1.0 : relu.NegativeSlope;
                        values[i][r] = slope * values[relu.Source][r];
                        rates[i][r] = slope * rates[relu.Source][r];
                    }
                    break;
                default:
                    throw new NetworkException($"unknown node type {nodes[i].GetType().Name}");
            }
        }
        return (values, rates);
    }
}
