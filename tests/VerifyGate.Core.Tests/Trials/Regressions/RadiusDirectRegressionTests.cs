using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;

namespace VerifyGate.Core.Tests.Trials.Regressions;

/// <summary>Found by the long trial run and not fixed yet (reported): f is constant on about [0.04, 0.46], so the
/// separated pair (0.4488, 0.4615) closest to c = 0.817 has equal outputs at radius 0.3682, which bisection finds;
/// the Direct method certifies [0.5383125, 0.5383125] (= maxRadius/8 · 1.5³, the fourth growing ball), a lower
/// bound above r*. Presolve is off here (one free input), so SCIP's presolve is not the cause.</summary>
public class RadiusDirectRegressionTests
{
    private static readonly TrialNetwork Network = new(1,
        [
            new TrialLayer([[0.8125], [-0.9609375]], [-0.375, 0.0234375], 0, false),
            new TrialLayer([[0.8359375, 0.3203125], [-0.3359375, 0.3046875]], [-0.234375, 0.03125], 0.125, true),
        ],
        [[-0.109375, 0]], [-0.3203125], false);

    [Fact]
    public void Direct_method_next_to_a_flat_region_does_not_overstate_the_radius() => Check(RadiusMethod.Direct);

    [Fact]
    public void Bisection_next_to_a_flat_region_does_not_overstate_the_radius() => Check(RadiusMethod.Bisection);

    private static void Check(RadiusMethod method)
    {
        var network = Network.Build();
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.InvertibilityRadius, Network = network, Lower = [0.817 - 1.276], Upper = [0.817 + 1.276], Center = [0.817],
            Separation = 0.01276, Exact = true, RadiusMethod = method,
        }, new NetworkOracle(network));
        double bracket = RadiusGrid.UpperBound(network, [0.817], 0, 1.276, 0.01276, 0, preimage: false);
        Assert.InRange(bracket, 0.368, 0.374);
        Assert.InRange(result.Lower!.Value, 0, bracket);
        Assert.InRange(result.Upper!.Value, 0.3682, 0.3683);
    }
}
