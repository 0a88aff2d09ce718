using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Trials.Regressions;

/// <summary>Found by the soundness trials (shrunk by hand from 6 neurons): with the second input fixed at 0
/// and one unstable neuron, SCIP's dual sparsify presolver at feastol 1e-9 declared the q = 1 and q = inf
/// sub-problems infeasible, or optimal at 0 when given the engine's start, so the certified upper bound was
/// 2e-9 (the safety margin of 0) while L = 0.23345947265625. Fixed in ScipParameters (presolver off).</summary>
public class ScipPresolveRegressionTests
{
    private static readonly TrialNetwork Network = new(2,
        [new TrialLayer([[0.7421875, -0.546875], [-0.0546875, -0.078125], [0.5859375, 0.4453125]], [-0.4296875, -0.3046875, 0.390625], 0, false)],
        [[0.5078125, -0.6640625, -0.3984375]], [0.2734375], false);

    [Theory]
    [InlineData(NormKind.Inf, NormKind.Inf)]
    [InlineData(NormKind.One, NormKind.One)]
    [InlineData(NormKind.Two, NormKind.Inf)]
    public void Fixed_input_with_one_unstable_neuron_keeps_its_upper_bound(NormKind p, NormKind q)
    {
        var network = Network.Build();
        double[] lower = [-1.441, 0], upper = [-0.559, 0];
        double exact = LipschitzOracle.Compute(network, lower, upper, p, q).Value;
        var result = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery
        {
            Network = network, Lower = lower, Upper = upper, InputNorm = p, OutputNorm = q, Exact = true,
        });
        Assert.Equal(0.23345947265625, exact, 12);
        Assert.InRange(exact, result.Lower!.Value, result.Upper!.Value);
    }
}
