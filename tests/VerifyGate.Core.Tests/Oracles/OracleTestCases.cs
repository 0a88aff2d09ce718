using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>Shared helpers for the oracle tests.</summary>
internal static class OracleTestCases
{
    /// <summary>A one-input network f(x) = Σ_k c_k relu(x − t_k).</summary>
    public static Network Hinges(double[] knots, double[] weights)
    {
        var b = new NetworkBuilder(1);
        var w = new double[knots.Length, 1];
        for (int k = 0; k < knots.Length; k++) w[k, 0] = 1.0;
        int h = b.Relu(b.Dense(b.Input, w, knots.Select(t => -t).ToArray()));
        var c = new double[1, weights.Length];
        for (int k = 0; k < weights.Length; k++) c[0, k] = weights[k];
        return b.Build(b.Dense(h, c, [0.0]));
    }

    public static string Key(ActivationPattern pattern) =>
        string.Join("|", pattern.ByNode.OrderBy(kv => kv.Key).Select(kv => string.Concat(kv.Value.Select(on => on ? '1' : '0'))));

    public static double[] Uniform(Random rng, double[] lo, double[] hi)
    {
        var x = new double[lo.Length];
        for (int i = 0; i < x.Length; i++) x[i] = lo[i] + (hi[i] - lo[i]) * rng.NextDouble();
        return x;
    }

    public static double[] Subtract(double[] a, double[] b) => a.Zip(b, (u, v) => u - v).ToArray();
}
