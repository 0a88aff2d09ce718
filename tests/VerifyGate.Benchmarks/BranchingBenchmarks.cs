using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12: what to branch on over many inputs. The same search (InputSplittingLipschitz) bisecting inputs and
/// fixing ReLU phases (SplitNeuron, PhaseSplit), against the plain engine given the same limit, on the cases LipschitzRoute
/// gives the engine (lunarlander, mnist-net_256x2) and on one it splits (SDnet_10_30_30_30_3).
/// VERIFYGATE_SCALE_LIMIT scales the limit (a factor) for quick trial runs.</summary>
public sealed class BranchingBenchmarks : IBenchmarkSection
{
    public string Name => "branching";
    public string Title => "Branching on inputs or on ReLU phases, against the plain engine";

    private const double Limit = 60;
    private static readonly double Factor = Timing.FromEnvironment("VERIFYGATE_SCALE_LIMIT", 1);

    /// <summary>VERIFYGATE_SCALE_ONLY: run only the cases whose "label (p)" contains this text (trial runs).</summary>
    private static readonly string? Only = Environment.GetEnvironmentVariable("VERIFYGATE_SCALE_ONLY");

    private sealed record Case(string Label, string File, double[] Lower, double[] Upper, NormKind Norm);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var table = new StringBuilder();
        table.AppendLine("| case | p = q | unstable | plain engine | input branching | ReLU-phase branching | ReLU-phase nodes (MIP / intervals / open) |");
        table.AppendLine("| --- | --- | ---: | --- | --- | --- | --- |");
        foreach (var c in Cases())
        {
            if (Only is not null && !$"{c.Label} ({c.Norm.Label()})".Contains(Only, StringComparison.Ordinal)) continue;
            var path = Paths.Model(c.File);
            var network = OnnxImporter.Load(path).Network;
            using var oracle = new OnnxRuntimeOracle(path);
            var query = new LipschitzQuery
            {
                Network = network, Lower = c.Lower, Upper = c.Upper, InputNorm = c.Norm, OutputNorm = c.Norm,
                Exact = true, TimeLimitSeconds = Limit * Factor,
            };
            var engine = new LipschitzEngine(ScipSolver.Instance).Solve(query, oracle);
            var inputs = Search(query, oracle, Branching.Inputs);
            var phases = Search(query, oracle, Branching.Activations);
            progress.WriteLine($"  {c.Label} ({c.Norm.Label()}): engine {LipschitzBenchmarks.TimedInterval(engine)}, inputs {LipschitzBenchmarks.TimedInterval(inputs)}, phases {LipschitzBenchmarks.TimedInterval(phases)}");
            table.AppendLine($"| {c.Label} | {c.Norm.Label()} | {engine.UnstableNeurons} | {LipschitzBenchmarks.TimedInterval(engine)} | {LipschitzBenchmarks.TimedInterval(inputs)} | {LipschitzBenchmarks.TimedInterval(phases)} | {Nodes(phases)} |");
        }
        var sb = new StringBuilder();
        sb.AppendLine($"Each cell: the certified interval after the limit ({Timing.Format(Limit * Factor)}), or the time to exact (relative gap 1e-6).");
        sb.AppendLine("Input and ReLU-phase branching are the same search (`InputSplittingOptions.Branching`); `check` runs what LipschitzRoute picks.");
        sb.AppendLine($"Single runs. The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(table);
        return sb.ToString();
    }

    private static CertifiedBounds Search(LipschitzQuery query, OnnxRuntimeOracle oracle, Branching branching) =>
        new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { Branching = branching }).Solve(query, oracle);

    /// <summary>The node counts of the search's note ("ReLU-phase branching: a boxes solved by the MIP, ... e left open").</summary>
    private static string Nodes(CertifiedBounds r)
    {
        var note = r.Notes.FirstOrDefault(InputSplittingLipschitz.IsSearchNote);
        if (note is null) return "—";
        var counts = System.Text.RegularExpressions.Regex.Matches(note, @"(\d+) ").Select(m => m.Groups[1].Value).ToArray();
        return counts.Length >= 5 ? $"{counts[0]} / {counts[3]} / {counts[4]}" : "—";
    }

    private static IEnumerable<Case> Cases()
    {
        var lunar = (Enumerable.Repeat(-1.0, 8).ToArray(), Enumerable.Repeat(1.0, 8).ToArray());
        foreach (var norm in new[] { NormKind.Inf, NormKind.One, NormKind.Two })
            yield return new("lunarlander [-1,1]^8", "control/lunarlander.onnx", lunar.Item1, lunar.Item2, norm);
        foreach (double eps in new[] { 0.01, 0.03 })
        {
            var (lower, upper) = GradientBenchmarks.MnistBall(eps);
            yield return new($"mnist-net_256x2, l_inf ball {eps} at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx", lower, upper, NormKind.Inf);
        }
        yield return new("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx",
            Enumerable.Repeat(0.0, 10).ToArray(), Enumerable.Repeat(0.1, 10).ToArray(), NormKind.Inf);
    }
}
