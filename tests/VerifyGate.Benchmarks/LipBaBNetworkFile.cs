using System.Text.Json;
using VerifyGate.Core.Networks;

namespace VerifyGate.Benchmarks;

/// <summary>Writes an imported network in the JSON that lipbab/run_lipbab.py hands to LipBaB, so that LipBaB
/// solves exactly the network VerifyGate solves (the float32 ONNX weights, as float64).</summary>
public static class LipBaBNetworkFile
{
    /// <summary>Writes {"weights": [W_1..W_L], "biases": [b_1..b_L]}, W_l of shape dim(l) x dim(l-1).
    /// Only a plain chain affine, ReLU, affine, ..., affine is accepted: LipBaB knows nothing else.</summary>
    public static void Write(Network network, string path)
    {
        var weights = new List<double[][]>();
        var biases = new List<double[]>();
        var nodes = network.Nodes;
        for (int i = 1; i < nodes.Count; i++)
        {
            bool expectAffine = i % 2 == 1;
            switch (nodes[i])
            {
                case AffineNode { Terms: [var term] } affine when expectAffine && term.Source == i - 1:
                    weights.Add(Rows(term.Weight.ToDense()));
                    biases.Add(affine.Bias);
                    break;
                case ReluNode { NegativeSlope: 0 } relu when !expectAffine && relu.Source == i - 1:
                    break;
                default:
                    throw new InvalidOperationException($"node {i} ('{nodes[i].Name}') does not fit LipBaB's affine-ReLU chain");
            }
        }
        if (network.OutputIndex != nodes.Count - 1 || nodes[^1] is not AffineNode)
            throw new InvalidOperationException("LipBaB's networks end with an affine layer that is the output");
        File.WriteAllText(path, JsonSerializer.Serialize(new { weights, biases }));
    }

    private static double[][] Rows(double[,] dense) =>
        Enumerable.Range(0, dense.GetLength(0))
            .Select(r => Enumerable.Range(0, dense.GetLength(1)).Select(c => dense[r, c]).ToArray())
            .ToArray();
}
