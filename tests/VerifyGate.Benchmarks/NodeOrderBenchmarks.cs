using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12: the order in which SCIP takes the open nodes of the engine's MIPs (LipschitzQuery.NodeOrder). The plain
/// engine on the whole box with SCIP's default order (best estimate, plunging) and with best bound first, same limit.
/// VERIFYGATE_SCALE_LIMIT scales the limit, VERIFYGATE_SCALE_ONLY picks cases.</summary>
public sealed class NodeOrderBenchmarks : IBenchmarkSection
{
    public string Name => "nodeorder";
    public string Title => "Node order of the engine's MIPs: SCIP's default or best bound first";

    private const double Limit = 60;
    private static readonly double Factor = Timing.FromEnvironment("VERIFYGATE_SCALE_LIMIT", 1);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var table = new StringBuilder();
        table.AppendLine("| case | (p, q) | unstable | encoding | SCIP's default order | best bound first | default / best-bound upper − lower, or time ratio |");
        table.AppendLine("| --- | --- | ---: | --- | --- | --- | ---: |");
        table.Append(EngineComparison.Rows(Cases(), Limit * Factor,
            q => q with { NodeOrder = NodeOrder.SolverDefault }, q => q with { NodeOrder = NodeOrder.BestBound },
            (c, query, byDefault, bestBound) => $"| {c.Label} | {c.Norms} | {bestBound.UnstableNeurons} | {(GradientSides.Applies(query) ? "gradient" : "tangent")} | "
                + $"{LipschitzBenchmarks.TimedInterval(byDefault)} | {LipschitzBenchmarks.TimedInterval(bestBound)} | "
                + $"{EngineComparison.Verdict(byDefault, bestBound, "the default", "best bound")} |",
            progress));

        var sb = new StringBuilder();
        sb.AppendLine("Command: `dotnet run -c Release --project tests/VerifyGate.Benchmarks -- nodeorder`.");
        sb.AppendLine();
        sb.AppendLine($"The plain engine (no splitting) on the whole box, limit {Timing.Format(Limit * Factor)} per order, the encoding Auto picks; each cell the certified interval, or the time to exact (relative gap 1e-6).");
        sb.AppendLine("SCIP's default order takes the node of best estimate and dives below it (plunging), which finds incumbents early; best bound first (nodeselection/bfs at top priority, no plunging) always expands the node whose bound is the weakest, so the proven bound, the engine's upper bound, falls as fast as it can.");
        sb.AppendLine("Threshold queries (atMost without exact) take best bound first too; the \"scale\" section's threshold table runs it.");
        sb.AppendLine("The last column: the default order's gap over the best-bound one (above 1: best bound ends tighter), or, when both are exact, the best-bound time over the default one (below 1: best bound faster).");
        sb.AppendLine($"Single runs. The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(table);
        return sb.ToString();
    }

    private static IEnumerable<EngineComparison.Case> Cases()
    {
        double[] Repeat(double value, int count) => EngineComparison.Repeat(value, count);
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.Inf, NormKind.One), (NormKind.Two, NormKind.Two) })
            yield return new("cartpole [-1,1]^4", "control/cartpole.onnx", Repeat(-1, 4), Repeat(1, 4), p, q);
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.Inf, NormKind.One), (NormKind.One, NormKind.One), (NormKind.Two, NormKind.Two) })
            yield return new("lunarlander [-1,1]^8", "control/lunarlander.onnx", Repeat(-1, 8), Repeat(1, 8), p, q);
        yield return new("ACAS Xu 1_1, property-2 box", "acasxu/ACASXU_run2a_1_1_batch_2000.onnx",
            [0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45], NormKind.Inf, NormKind.Inf);
        yield return new("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx", Repeat(0, 10), Repeat(0.1, 10), NormKind.Two, NormKind.Two);
        foreach (double eps in new[] { 0.01, 0.03 })
        {
            var (lower, upper) = GradientBenchmarks.MnistBall(eps);
            yield return new($"mnist-net_256x2, l_inf ball {eps} at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx", lower, upper, NormKind.Inf, NormKind.Inf);
        }
    }
}
