using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>Empirical lower bounds on L_{p,q} over a box: the largest ratio ‖f(x) − f(y)‖_q / ‖x − y‖_p
/// over random pairs and over close pairs (x, x + εd), evaluated in float64 with the network IR.
/// Any sampled ratio is a lower bound on the true constant, so none may exceed a certified upper bound.</summary>
internal static class SampledRatios
{
    /// <param name="around">Extra centres for close pairs (for example a witness), besides random ones.</param>
    public static double Max(Network network, double[] lo, double[] hi, NormKind p, NormKind q, int seed,
        int farPairs = 2000, int closePairs = 2000, IEnumerable<double[]>? around = null)
    {
        var rng = new Random(seed);
        var outputs = Enumerable.Range(0, network.OutputSize).ToArray();
        double best = 0;
        for (int k = 0; k < farPairs; k++)
            best = Math.Max(best, Ratio(network, Point(rng, lo, hi), Point(rng, lo, hi), outputs, p, q));

        var centres = Enumerable.Range(0, closePairs).Select(_ => Point(rng, lo, hi)).ToList();
        foreach (var c in around ?? []) centres.AddRange(Enumerable.Repeat(c, 50));
        foreach (var x in centres)
        {
            // Sign vectors are the vertices of the l_inf ball, where l_inf ratios peak; Gaussian ones cover the rest.
            bool signs = rng.Next(2) == 0;
            var y = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                double width = hi[i] - lo[i];
                double d = signs ? (rng.Next(2) == 0 ? -1 : 1) : RandomGaussian(rng);
                y[i] = Math.Clamp(x[i] + 1e-4 * width * d, lo[i], hi[i]);
            }
            if (!x.AsSpan().SequenceEqual(y)) best = Math.Max(best, Ratio(network, x, y, outputs, p, q));
        }
        return best;
    }

    private static double Ratio(Network network, double[] x, double[] y, int[] outputs, NormKind p, NormKind q) =>
        WitnessPair.Ratio(network.Evaluate(x), network.Evaluate(y), x, y, outputs, p, q);

    private static double[] Point(Random rng, double[] lo, double[] hi) =>
        lo.Select((l, i) => l + rng.NextDouble() * (hi[i] - l)).ToArray();

    private static double RandomGaussian(Random rng) => Oracles.RandomNetworks.Gaussian(rng);
}
