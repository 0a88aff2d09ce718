using System.Text;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Invertibility ... at the scale of the invertibility paper", speed item "the sample's matching property
/// and a matching of two ACAS Xu networks (report what is decided in 120 s)": M = max ‖g(x) − g(y)‖_inf over pairs of the
/// box whose reference outputs agree within η, exact, limit 120 s, with and without the difference rows (the reference
/// pair's, coupled by η, and the model pair's). VERIFYGATE_MATCHING_SECONDS sets the limit (default 120).</summary>
public sealed class MatchingBenchmarks : IBenchmarkSection
{
    public string Name => "matching";
    public string Title => "Matching two networks: the sample and two ACAS Xu networks";

    private static double Limit => Timing.FromEnvironment("VERIFYGATE_MATCHING_SECONDS", 120);

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"M = max ‖g(x) − g(y)‖_inf over x, y in the box with ‖f(x) − f(y)‖_inf ≤ η (g the model, f the reference), exact, limit {Limit:0} s; " +
                      "the engine's per-objective MIPs (four network copies), without the difference rows (the default) and with them (LP-tightened, 3 rounds). Single runs on 2 cores.");
        sb.AppendLine($"The 2 cores: 1-minute load average {LipschitzBenchmarks.LoadAverage()} at the start.");
        sb.AppendLine();
        sb.AppendLine("| model g | reference f | box | η | unstable | certified M | time | with rows: certified M | time |");
        sb.AppendLine("| --- | --- | --- | ---: | ---: | --- | ---: | --- | ---: |");
        var samples = Path.Combine(Paths.RepositoryRoot, "samples", "ModelRepo", "models");
        var pruned = OnnxImporter.Load(Path.Combine(samples, "controller-pruned.onnx")).Network;
        var full = OnnxImporter.Load(Path.Combine(samples, "controller.onnx")).Network;
        var acas11 = OnnxImporter.Load(Paths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx")).Network;
        var acas12 = OnnxImporter.Load(Paths.Model("acasxu/ACASXU_run2a_1_2_batch_2000.onnx")).Network;
        var (p2Low, p2High) = Boxes.AcasProperty2;
        var p2Center = p2Low.Select((l, i) => (l + p2High[i]) / 2).ToArray();
        var cases = new (string Model, string Reference, string Box, Network G, Network F, double[] Low, double[] High, double Eta)[]
        {
            ("controller-pruned", "controller", "[-0.25, 0.25]^4 (the sample's)", pruned, full, [-0.25, -0.25, -0.25, -0.25], [0.25, 0.25, 0.25, 0.25], 0.05),
            ("ACAS Xu 1_2", "ACAS Xu 1_1", "property-2 centre ± 0.005", acas12, acas11, [.. p2Center.Select(c => c - 0.005)], [.. p2Center.Select(c => c + 0.005)], 0.01),
            ("ACAS Xu 1_2", "ACAS Xu 1_1", "property-2 box", acas12, acas11, p2Low, p2High, 0.01),
        };
        foreach (var (model, reference, box, g, f, low, high, eta) in cases)
        {
            var query = new TwoCopyQuery
            {
                Kind = TwoCopyKind.Matching, Network = g, Reference = f, Lower = low, Upper = high, OutputTolerance = eta,
                Exact = true, TimeLimitSeconds = Limit,
            };
            var (plain, plainTime) = TwoCopyRuns.Solve(query);
            var (rows, rowsTime) = TwoCopyRuns.Solve(query with { DifferenceRows = true });
            string row = $"| {model} | {reference} | {box} | {eta} | {plain.UnstableNeurons} | {TwoCopyRuns.Interval(plain, plainTime)} | {TwoCopyRuns.Interval(rows, rowsTime)} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        sb.AppendLine();
        sb.AppendLine("\"unstable\" counts the unstable ReLUs of one copy of g and one of f over the box (the MIP has two of each). " +
                      "An interval from 0 to the certified output range (ACAS Xu on the property-2 box) means nothing was decided in time: no pair " +
                      "better than x = y was found and no bound below the trivial one proven.");
        return sb.ToString();
    }
}
