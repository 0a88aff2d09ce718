using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>A cheap first lower bound: the exact Jacobian norm at random points of the box (almost
/// surely each inside a region), then a local search from the best of them (<see cref="Climb"/>), the best
/// turned into witness pairs. It lets threshold mode fail without any MIP, and lets sub-problems and search
/// nodes stop once their bound drops below it.</summary>
public static class SampledLowerBound
{
    /// <summary>Sampled points a climb starts from.</summary>
    private const int ClimbStarts = 4;

    public static void Run(LipschitzQuery query, LipschitzWitnesses witnesses, CancellationToken cancellation)
    {
        var network = query.Network;
        // A sample costs one pass over the weights per output or per input, whichever is fewer (PatternPasses); the total is capped.
        double costPerSample = (double)network.ParameterCount * (Math.Min(network.InputSize, network.OutputSize) + 1);
        int samples = (int)Math.Clamp(2e8 / Math.Max(costPerSample, 1), 4, query.Samples);
        var rng = new Random(query.Seed);
        var candidates = new List<Candidate>();
        for (int s = 0; s < samples && !cancellation.IsCancellationRequested; s++)
        {
            var x = new double[network.InputSize];
            for (int i = 0; i < x.Length; i++)
                x[i] = s == 0 ? (query.Lower[i] + query.Upper[i]) / 2 : query.Lower[i] + rng.NextDouble() * (query.Upper[i] - query.Lower[i]);
            if (Evaluate(query, x) is { } candidate) candidates.Add(candidate);
        }
        var best = candidates.OrderByDescending(c => c.Value).Take(ClimbStarts)
            .Select(start => Climb(query, start, samples / ClimbStarts, rng, cancellation)).ToList();
        foreach (var candidate in best.Concat(candidates).OrderByDescending(c => c.Value).Take(3))
            witnesses.FromPoint(candidate.Point, candidate.Pattern);
    }

    private sealed record Candidate(double Value, double[] Point, ActivationPattern Pattern);

    private static Candidate? Evaluate(LipschitzQuery query, double[] x)
    {
        var pattern = query.Network.PatternAt(x);
        var norm = PatternNorm.Compute(query.Network.Jacobian(pattern), query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm);
        return norm is null ? null : new Candidate(norm.Value, x, pattern);
    }

    /// <summary>Random local search over the regions near a point: a step moves every free input by up to a radius (a
    /// fraction of its width) and is kept when its region's Jacobian norm is larger; each rejected step shrinks the
    /// radius. The norm is constant on a region, so this walks from region to neighbouring region (cartpole on
    /// [-1, 1]^4: from 16.6 sampled to 17.06 of the exact 17.24 for l_inf).</summary>
    private static Candidate Climb(LipschitzQuery query, Candidate start, int steps, Random rng, CancellationToken cancellation)
    {
        var current = start;
        double radius = 0.25;
        for (int s = 0; s < steps && !cancellation.IsCancellationRequested; s++)
        {
            var y = new double[current.Point.Length];
            for (int i = 0; i < y.Length; i++)
            {
                double width = query.Upper[i] - query.Lower[i];
                y[i] = Math.Clamp(current.Point[i] + radius * width * (2 * rng.NextDouble() - 1), query.Lower[i], query.Upper[i]);
            }
            if (Evaluate(query, y) is { } next && next.Value > current.Value) current = next;
            else radius = Math.Max(1e-3, radius * 0.97);
        }
        return current;
    }
}
