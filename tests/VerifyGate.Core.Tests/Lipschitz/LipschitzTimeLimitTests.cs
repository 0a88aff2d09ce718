using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>A time limit far too short to close the gap still yields sound certified bounds.</summary>
public class LipschitzTimeLimitTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(NormKind.Two, NormKind.Two)]
    [InlineData(NormKind.Inf, NormKind.Inf)]
    public void Tiny_time_limit_returns_sound_bounds(NormKind p, NormKind q)
    {
        var path = TestPaths.Model("lipbab/SDnet_10_30_30_30_3.onnx");
        var network = OnnxImporter.Load(path).Network;
        var lo = new double[10];
        var hi = Enumerable.Repeat(0.1, 10).ToArray();
        using var oracle = new OnnxRuntimeOracle(path);
        var result = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery
        {
            Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true, TimeLimitSeconds = 0.2,
        }, oracle);
        output.WriteLine($"[{result.Lower:G10}, {result.Upper:G10}] in {result.Elapsed.TotalSeconds:0.00} s, timed out {result.TimedOut}");

        Assert.NotNull(result.Upper);
        Assert.NotNull(result.Lower);
        Assert.True(result.Lower <= result.Upper);
        Assert.True(result.Elapsed.TotalSeconds < 5, $"took {result.Elapsed.TotalSeconds} s for a 0.2 s limit");
        bool decided = result.Upper - result.Lower <= 1e-6 * result.Upper;
        Assert.True(decided || result.TimedOut, "an open gap must be reported as a time-out");
        double sampled = SampledRatios.Max(network, lo, hi, p, q, seed: 7, farPairs: 1000, closePairs: 1000);
        output.WriteLine($"largest sampled ratio {sampled:G10}");
        Assert.True(sampled <= result.Upper!.Value * (1 + 1e-7) + 1e-9, $"sampled ratio {sampled} exceeds certified upper {result.Upper}");
    }
}
