using System.Diagnostics;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Bounds;

public class LpTighteningTests(ITestOutputHelper output)
{
    private static readonly double[] AcasLower = [0.6, -0.5, -0.5, 0.45, -0.5];
    private static readonly double[] AcasUpper = [0.679857769, 0.5, 0.5, 0.5, -0.45];

    private static Network Load(string relative) => OnnxImporter.Load(TestPaths.Model(relative)).Network;

    [Fact]
    public void Measure()
    {
        foreach (var (name, network, lower, upper) in new[]
        {
            ("acas", Load("acasxu/ACASXU_run2a_1_1_batch_2000.onnx"), AcasLower, AcasUpper),
            ("sdnet", Load("lipbab/SDnet_10_30_30_30_3.onnx"), new double[10], Enumerable.Repeat(0.1, 10).ToArray()),
        })
        {
            var interval = BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval);
            var clock = Stopwatch.StartNew();
            var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
            var ts = clock.Elapsed;
            foreach (int threads in new[] { 1, 2 })
            {
                var lp = LpTightening.Run(network, lower, upper, new LpTighteningOptions { Threads = threads });
                output.WriteLine($"{name} threads={threads}: interval {interval.TotalUnstable} symbolic {symbolic.TotalUnstable} ({ts.TotalMilliseconds:F0} ms) " +
                    $"lp {lp.Bounds.TotalUnstable} in {lp.Elapsed.TotalMilliseconds:F0} ms, solved {lp.LpsSolved} failed {lp.LpsFailed}; " +
                    $"width sym {BoundSampling.TotalWidth(symbolic):G6} lp {BoundSampling.TotalWidth(lp.Bounds):G6}");
            }
        }
    }
}
