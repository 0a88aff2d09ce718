using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Trials.Regressions;

/// <summary>Cases the soundness trials found where SCIP 10's presolve at feastol 1e-9 decided the answer: all have
/// exactly one free input (see ScipWorkarounds, which turns presolve off for them).</summary>
public class ScipNumericsRegressionTests
{
    /// <summary>Shrunk by hand from a 6-neuron trial: with the second input fixed at 0 and one unstable neuron,
    /// SCIP's presolve at feastol 1e-9 declared the q = 1 and q = inf sub-problems infeasible (dual sparsify), or
    /// optimal at 0 when given the engine's start solution (linear dual presolving), so the certified upper
    /// bound was 2e-9 (the safety margin of 0) while L = 0.23345947265625.</summary>
    private static readonly TrialNetwork FixedInputNetwork = new(2,
        [new TrialLayer([[0.7421875, -0.546875], [-0.0546875, -0.078125], [0.5859375, 0.4453125]], [-0.4296875, -0.3046875, 0.390625], 0, false)],
        [[0.5078125, -0.6640625, -0.3984375]], [0.2734375], false);

    [Theory]
    [InlineData(NormKind.Inf, NormKind.Inf)]
    [InlineData(NormKind.One, NormKind.One)]
    [InlineData(NormKind.Two, NormKind.Inf)]
    public void Fixed_input_with_one_unstable_neuron_keeps_its_upper_bound(NormKind p, NormKind q)
    {
        var network = FixedInputNetwork.Build();
        double[] lower = [-1.441, 0], upper = [-0.559, 0];
        var (exact, _) = SolveExactly(network, lower, upper, p, q);
        Assert.Equal(0.23345947265625, exact, 12);
    }

    /// <summary>An affine map on the box (no unstable neuron), the first input fixed at 0, and x + N(x): SCIP's
    /// presolve reduced the plain LP max g_j to 0, for every norm pair (L = 0.7464599609375 for p = q = inf).</summary>
    [Theory]
    [InlineData(NormKind.Inf, NormKind.Inf)]
    [InlineData(NormKind.One, NormKind.Two)]
    [InlineData(NormKind.Two, NormKind.One)]
    public void Residual_map_with_a_fixed_input_keeps_its_upper_bound(NormKind p, NormKind q)
    {
        var network = new TrialNetwork(2, [new TrialLayer(
            [[0.140625, 0.296875], [-0.828125, 0.375], [-0.0390625, -0.484375], [0.7421875, -0.1171875], [-0.5, 0.1796875], [-0.921875, 0.5625]],
            [0.5, 0.2421875, 0.4765625, 0.1875, -0.1484375, -0.1953125], 0, false)],
            [[0.0703125, 0.8515625, 0.4296875, 0.5859375, 0.578125, -0.7578125], [0.328125, 0.515625, 0.96875, 0.640625, 0.5625, -0.6640625]],
            [0.171875, -0.2734375], InputResidual: true).Build();
        double[] lower = [0, -0.242], upper = [0, 0.242];
        var (_, result) = SolveExactly(network, lower, upper, p, q);
        Assert.Equal(0, result.UnstableNeurons);
    }

    /// <summary>From the long run: one free input (the first is fixed at 0.667), LeakyReLU and x + N(x); SCIP's
    /// presolve again proved max Σ|g| to be 0 while L_inf,1 = 1.4111328125.</summary>
    [Theory]
    [InlineData(NormKind.Inf, NormKind.One)]
    [InlineData(NormKind.Inf, NormKind.Inf)]
    [InlineData(NormKind.Two, NormKind.Two)]
    public void Leaky_residual_map_with_one_free_input_keeps_its_upper_bound(NormKind p, NormKind q)
    {
        var network = new TrialNetwork(2, [new TrialLayer(
            [[0.2109375, -0.953125], [0.8125, -0.0703125], [0.1875, 0.3984375], [0.0703125, -0.5546875], [-0.2109375, 0.890625], [0.640625, -0.9765625], [-0.5859375, 0.8828125]],
            [0.09375, 0.09375, 0.1875, -0.390625, -0.3046875, 0.34375, -0.0625], 0.5, false)],
            [[0.796875, 0.53125, -0.53125, -0.15625, -0.484375, -0.859375, 0.3671875], [-0.953125, -0.515625, -0.546875, -0.4609375, 0.859375, 0.796875, -0.515625]],
            [-0.0546875, 0.2734375], InputResidual: true).Build();
        double[] lower = [0.667, -0.24], upper = [0.667, 0.24];
        SolveExactly(network, lower, upper, p, q);
    }

    /// <summary>The exact constant and the engine's exact solve, whose interval must contain it.</summary>
    private static (double Exact, CertifiedBounds Result) SolveExactly(Network network, double[] lower, double[] upper, NormKind p, NormKind q)
    {
        double exact = LipschitzOracle.Compute(network, lower, upper, p, q).Value;
        var result = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery
        {
            Network = network, Lower = lower, Upper = upper, InputNorm = p, OutputNorm = q, Exact = true,
        });
        Assert.InRange(exact, result.Lower!.Value, result.Upper!.Value);
        return (exact, result);
    }

    /// <summary>A trial that caught a first attempt at a fix (numerics/epsilon 1e-12 for every model): the radius
    /// engine then certified r* >= 0.7763 although the pair (−0.2269, −0.2283) of the free input has equal
    /// second outputs at radius 0.7431 from the centre.</summary>
    [Fact]
    public void Invertibility_radius_finds_the_pair_near_the_local_minimum()
    {
        var network = new TrialNetwork(2, [
            new TrialLayer([[0.1875, -0.8828125], [0.953125, 0.5703125]], [0.46875, 0.140625], 0.5, false),
            new TrialLayer([[0.2578125, 0.0390625], [0.5390625, -0.390625], [-0.4140625, 0.4453125], [-0.4140625, 0.9609375], [-0.03125, 0.953125]],
                [0.4453125, -0.3515625, 0.265625, 0.328125, -0.3671875], 0, false)],
            [[0.453125, -0.1015625, 0.3828125, 0.6328125, -0.046875], [-0.09375, 0.234375, -0.1640625, 0.8046875, 0.3046875]], [0.09375, -0.25], false).Build();
        double[] center = [-0.148, -0.97];
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.InvertibilityRadius, Network = network, Lower = [-0.148, -2.331], Upper = [-0.148, 0.391], Center = center,
            Separation = 0.001361, Outputs = [1], Exact = true,
        }, new NetworkOracle(network));
        double bracket = RadiusGrid.UpperBound(network, center, 1, 1.361, 0.001361, 1, preimage: false);
        Assert.InRange(bracket, 0.743, 0.746);
        Assert.InRange(result.Lower!.Value, 0, bracket);
        Assert.InRange(result.Upper!.Value, 0.7431, 0.7432);
    }

    /// <summary>From a long run with an earlier attempt at a fix (numerics/epsilon 1e-10 and two presolvers off
    /// for every model): with the second input fixed, a pair δ = 0.00917 apart has equal second outputs within
    /// 0.0069 of the centre, but SCIP declared the first ball (radius maxRadius / 8) infeasible, so the engine
    /// certified r* >= 0.114625 with no pair.</summary>
    [Fact]
    public void Invertibility_radius_of_a_flat_region_is_about_half_the_separation()
    {
        var network = new TrialNetwork(2, [
            new TrialLayer([[-0.4609375, 0.234375], [-0.2578125, -0.0859375], [-0.5859375, -0.734375], [-0.0625, -0.1484375]],
                [-0.46875, -0.328125, -0.25, -0.03125], 0, false),
            new TrialLayer([[0.609375, 0.9296875, -0.265625, -0.59375], [-0.1796875, -0.2421875, -0.03125, 0.9921875], [0.2578125, -0.7265625, 0.5390625, 0.5390625],
                [-0.96875, 0.1875, -0.1640625, 0.015625]], [-0.078125, 0.2109375, -0.0703125, 0.3046875], 0.5, false)],
            [[0.7421875, 0.671875, 0.7578125, 0.5546875], [-0.21875, -0.546875, -0.09375, -0.109375]], [0.484375, -0.2734375], false).Build();
        double[] center = [0.3, 0];
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.InvertibilityRadius, Network = network, Lower = [0.3 - 0.917, 0], Upper = [0.3 + 0.917, 0], Center = center,
            Separation = 0.00917, Outputs = [1], Threshold = 0.01023372,
        }, new NetworkOracle(network));
        double bracket = RadiusGrid.UpperBound(network, center, 0, 0.917, 0.00917, 1, preimage: false);
        Assert.InRange(bracket, 0.0045, 0.007);
        Assert.InRange(result.Lower!.Value, 0, bracket);
    }
}
