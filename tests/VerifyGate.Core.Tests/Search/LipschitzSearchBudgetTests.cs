using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Search;

/// <summary>The Lipschitz search's solver-free work draws on the core budget: it waits while every slot is held
/// elsewhere (a lone worker stops at the time limit), and with fewer slots than workers it still finishes (no worker holds a slot while it waits for another).</summary>
public class LipschitzSearchBudgetTests
{
    private static LipschitzQuery Query(int seed, double timeLimit)
    {
        var (lo, hi) = RandomNetworks.CreateBox(seed, 2);
        return new LipschitzQuery
        {
            Network = RandomNetworks.Create(seed, 2, [15, 15], 2), Lower = lo, Upper = hi,
            InputNorm = NormKind.Inf, OutputNorm = NormKind.One, Exact = true, TimeLimitSeconds = timeLimit,
        };
    }

    [Fact]
    public void No_box_is_bounded_while_every_core_is_held_elsewhere()
    {
        var budget = new CoreBudget(1);
        var query = Query(507, 0.5);
        using (budget.Hold(CancellationToken.None))
        {
            var result = new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { Budget = budget, Workers = 1 })
                .Solve(query, new NetworkOracle(query.Network));
            Assert.Null(result.Upper);
            Assert.True(result.TimedOut);
            Assert.Equal(0, InputSplittingOracleTests.BoxesBounded(result));
        }
        Assert.Equal(1, budget.Free);
    }

    [Fact]
    public void Four_workers_on_one_core_close_on_the_exact_constant()
    {
        var budget = new CoreBudget(1);
        var query = Query(507, 120);
        double exact = LipschitzOracle.Compute(query.Network, query.Lower, query.Upper, query.InputNorm, query.OutputNorm).Value;
        var result = new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { Budget = budget, Workers = 4 })
            .Solve(query, new NetworkOracle(query.Network));
        Assert.NotNull(result.Upper);
        Assert.True(result.Lower <= exact * (1 + 1e-9) && exact <= result.Upper * (1 + 1e-9), $"[{result.Lower}, {result.Upper}] misses {exact}");
        Assert.True(result.Upper - result.Lower <= 1e-6 * exact + 2e-8, $"gap [{result.Lower}, {result.Upper}] around {exact}");
        Assert.Equal(1, budget.Free);
    }
}
