using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Covectors u of the output node through which ‖J‖_{p→q} is taken row by row: ‖J‖_{p→q} = max_u ‖uᵀJ‖_{p*} over the
/// selected outputs' unit vectors (q = inf) or over their sign vectors (q = 1), the extreme points of the q*-ball.</summary>
public static class OutputCovectors
{
    /// <summary>The unit covector of each selected output.</summary>
    public static double[][] Units(Network network, int[] outputs) =>
        outputs.Select(o => Weighted(network, outputs, outputs.Select(x => x == o ? 1.0 : 0.0).ToArray())).ToArray();

    /// <summary>Σ_r weights_r e_{outputs_r} as a covector of the whole output node.</summary>
    public static double[] Weighted(Network network, int[] outputs, double[] weights)
    {
        var seed = new double[network.OutputSize];
        for (int r = 0; r < outputs.Length; r++) seed[outputs[r]] += weights[r];
        return seed;
    }

    /// <summary>The 2^(m−1) sign vectors with a first entry +1 (−u gives the same norm).</summary>
    public static double[][] Signs(int m) =>
        Enumerable.Range(0, 1 << (m - 1))
            .Select(mask => Enumerable.Range(0, m).Select(r => r > 0 && ((mask >> (r - 1)) & 1) == 1 ? -1.0 : 1.0).ToArray()).ToArray();
}
