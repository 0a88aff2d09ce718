using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>A cheap first lower bound: the exact Jacobian norm at random points of the box (almost
/// surely each inside a region), the best turned into a witness pair. It lets threshold mode fail
/// without any MIP, and lets sub-problems stop once their bound drops below it.</summary>
public static class SampledLowerBound
{
    public static void Run(LipschitzQuery query, LipschitzWitnesses witnesses, CancellationToken cancellation)
    {
        var network = query.Network;
        // Each sample costs one Jacobian (parameters x inputs); keep the total work bounded.
        double costPerSample = (double)network.ParameterCount * network.InputSize;
        int samples = (int)Math.Clamp(2e8 / Math.Max(costPerSample, 1), 4, query.Samples);
        var rng = new Random(query.Seed);
        var candidates = new List<(double Value, double[] Point, ActivationPattern Pattern)>();
        for (int s = 0; s < samples && !cancellation.IsCancellationRequested; s++)
        {
            var x = new double[network.InputSize];
            for (int i = 0; i < x.Length; i++)
                x[i] = s == 0 ? (query.Lower[i] + query.Upper[i]) / 2 : query.Lower[i] + rng.NextDouble() * (query.Upper[i] - query.Lower[i]);
            var pattern = network.PatternAt(x);
            var norm = PatternNorm.Compute(network.Jacobian(pattern), query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm);
            if (norm is not null) candidates.Add((norm.Value, x, pattern));
        }
        foreach (var candidate in candidates.OrderByDescending(c => c.Value).Take(3))
            witnesses.FromPoint(candidate.Point, candidate.Pattern);
    }
}
