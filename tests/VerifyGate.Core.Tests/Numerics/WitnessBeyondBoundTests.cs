using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Numerics;

/// <summary>A confirmed witness above the solver's proven bound shows that bound is wrong: the engine must
/// not report it. Seen with SCIP's epsilon equal to the feasibility tolerance (both 1e-9) on a box with a
/// fixed input (the sub-box of InputSplittingOracleTests seed 3), where presolve proved L ≤ 0 while the
/// exact constant is 1.4488; ScipParameters now keeps epsilon a thousand times below the tolerance.</summary>
public class WitnessBeyondBoundTests
{
    private static readonly double[] Lo = [0.21713995857496743, -0.9558652424979327], Hi = [0.42511268305830313, -0.9558652424979327];

    /// <summary>SCIP with every proven bound halved: a solver whose bounds are wrong.</summary>
    private sealed class HalvedBounds : IMipSolver
    {
        public string Version => ScipSolver.Instance.Version;

        public SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default)
        {
            var result = ScipSolver.Instance.Solve(model, options with { StopAtBound = null }, cancellationToken);
            return model.VariableCount > 10 ? result with { BestBound = result.BestBound / 2 } : result;
        }
    }

    [Fact]
    public void The_fixed_input_box_closes_on_its_exact_constant()
    {
        var network = RandomNetworks.Create(3, 2, [8], 2);
        double exact = LipschitzOracle.Compute(network, Lo, Hi, NormKind.Inf, NormKind.Inf).Value;

        var result = new LipschitzEngine(ScipSolver.Instance).Solve(
            new LipschitzQuery { Network = network, Lower = Lo, Upper = Hi, Exact = true }, new NetworkOracle(network));

        Assert.InRange(result.Upper!.Value, exact * (1 - 1e-9), exact * (1 + 1e-6));
        Assert.DoesNotContain(result.Notes, n => n.Contains("proven bound is wrong"));
    }

    [Fact]
    public void A_solver_bound_below_a_confirmed_witness_is_replaced_by_the_interval_bound()
    {
        var network = RandomNetworks.Create(3, 2, [8], 2);
        double exact = LipschitzOracle.Compute(network, Lo, Hi, NormKind.Inf, NormKind.Inf).Value;

        var result = new LipschitzEngine(new HalvedBounds()).Solve(
            new LipschitzQuery { Network = network, Lower = Lo, Upper = Hi, Exact = true }, new NetworkOracle(network));

        Assert.True(result.Upper >= exact * (1 - 1e-9), $"upper {result.Upper} below the exact constant {exact}");
        Assert.Contains(result.Notes, n => n.Contains("proven bound is wrong") && n.Contains("interval bound is used"));
    }
}
