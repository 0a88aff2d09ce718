using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;

namespace VerifyGate.Core.Tests.Trials.Regressions;

/// <summary>Found by the long trial run and not fixed yet (reported): invertibility with p = 2 (the non-convex
/// objective Σ(x_i − y_i)²) certifies D_2 in [0.97468, 0.97468], below a grid pair at 1.2434 and even below the
/// engine's own D_inf lower bound 1.0992 (D_2 ≥ D_inf always). p = 1 and p = inf are consistent with the grid.</summary>
public class InvertibilityL2RegressionTests
{
    private static readonly TrialNetwork Network = new(2,
        [
            new TrialLayer([[-0.59375, 0.171875], [-0.8203125, 0.34375], [-0.5703125, 0.953125]], [0.1953125, -0.2265625, -0.1171875], 0, false),
            new TrialLayer([[0.6015625, 0.1796875, 0.3515625], [-0.4609375, 0.078125, -0.2734375], [-0.9921875, -0.0625, -0.140625]],
                [-0.0234375, 0.15625, -0.3359375], 0.5, false),
        ],
        [[-0.8359375, 0.3203125, -0.0546875], [-0.6328125, 0.65625, 0.203125]], [-0.328125, -0.1875], false);

    [Theory]
    [InlineData(NormKind.Inf)]
    [InlineData(NormKind.One)]
    public void Certified_invertibility_is_not_below_a_grid_pair(NormKind p) => Check(p);

    [Fact]
    public void Certified_l2_invertibility_is_not_below_a_grid_pair() => Check(NormKind.Two);

    private static void Check(NormKind p)
    {
        var network = Network.Build();
        double[] lower = [-1, -0.333], upper = [1, 0.333];
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = lower, Upper = upper, InputNorm = p, OutputTolerance = 0.147, Exact = true,
        }, new NetworkOracle(network));
        double grid = PairGrid.BestValue(PairGrid.Points(new TrialBox(lower, upper), 41), network, null, p, NormKind.Inf, 0.147);
        Assert.InRange(grid, 0, result.Upper!.Value * (1 + 1e-6));
    }
}
