using System.Globalization;
using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12: exact Lipschitz constants of the networks users keep (controllers, ACAS Xu, an MNIST
/// classifier) with what `check --exact` runs (LipschitzRoute: input splitting or the plain engine), the plain engine given the same limit as the baseline (l_inf and l2), and threshold decisions at 1.2x and
/// 0.8x the best lower bound found. VERIFYGATE_SCALE_LIMIT scales every limit (a factor) for quick trial runs, VERIFYGATE_SCALE_ONLY picks cases.</summary>
public sealed class ScaleBenchmarks : IBenchmarkSection
{
    public string Name => "scale";
    public string Title => "Lipschitz constants at the scale of real controllers";

    private static readonly double Factor =
        Timing.FromEnvironment("VERIFYGATE_SCALE_LIMIT", 1);

    /// <summary>VERIFYGATE_SCALE_ONLY: run only the cases whose "label (p, q)" contains this text (trial runs).</summary>
    private static readonly string? Only = Environment.GetEnvironmentVariable("VERIFYGATE_SCALE_ONLY");

    private const double ThresholdLimit = 30;

    private sealed record Case(string Label, string File, double[] Lower, double[] Upper, (NormKind P, NormKind Q)[] Norms, double Limit);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var exact = new StringBuilder();
        exact.AppendLine("| case | (p, q) | unstable | `check --exact` interval | rel. gap | time | plain engine, same limit | plain engine gap | notes |");
        exact.AppendLine("| --- | --- | ---: | --- | ---: | ---: | --- | ---: | --- |");
        var thresholds = new StringBuilder();
        thresholds.AppendLine("| case | (p, q) | atMost 1.2×L | time | atMost 0.8×L | time |");
        thresholds.AppendLine("| --- | --- | --- | ---: | --- | ---: |");
        foreach (var c in Cases())
        {
            var path = Paths.Model(c.File);
            var network = OnnxImporter.Load(path).Network;
            using var oracle = new OnnxRuntimeOracle(path);
            foreach (var (p, q) in c.Norms)
            {
                if (Only is not null && !$"{c.Label} ({p.Label()}, {q.Label()})".Contains(Only, StringComparison.Ordinal)) continue;
                var query = new LipschitzQuery
                {
                    Network = network, Lower = c.Lower, Upper = c.Upper, InputNorm = p, OutputNorm = q,
                    Exact = true, TimeLimitSeconds = c.Limit * Factor,
                };
                var search = new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle);
                progress.WriteLine($"  {c.Label} ({p.Label()}, {q.Label()}) check --exact: [{Number(search.Lower)}, {Number(search.Upper)}] in {search.Elapsed.TotalSeconds:0.0} s");
                string baseline = "—", baselineGap = "—";
                if (p == q && p != NormKind.One)
                {
                    var plain = new LipschitzEngine(ScipSolver.Instance).Solve(query, oracle);
                    progress.WriteLine($"  {c.Label} ({p.Label()}, {q.Label()}) plain engine: [{Number(plain.Lower)}, {Number(plain.Upper)}] in {plain.Elapsed.TotalSeconds:0.0} s");
                    baseline = $"[{Number(plain.Lower)}, {Number(plain.Upper)}] {LipschitzBenchmarks.Time(plain)}";
                    baselineGap = LipschitzBenchmarks.Gap(plain);
                }
                string splitting = search.Notes.FirstOrDefault(InputSplittingLipschitz.IsSearchNote) ?? "plain engine (LipschitzRoute)";
                exact.AppendLine($"| {c.Label} | ({p.Label()}, {q.Label()}) | {search.UnstableNeurons} | [{Number(search.Lower)}, {Number(search.Upper)}] | {LipschitzBenchmarks.Gap(search)} | {LipschitzBenchmarks.Time(search)} | {baseline} | {baselineGap} | {splitting} |");

                double best = search.Lower ?? 0;
                if (!(best > 0)) continue;
                var above = Decide(query, 1.2 * best, oracle);
                var below = Decide(query, 0.8 * best, oracle);
                progress.WriteLine($"  {c.Label} ({p.Label()}, {q.Label()}) at most 1.2x: {above.Verdict} in {above.Seconds:0.0} s; 0.8x: {below.Verdict} in {below.Seconds:0.0} s");
                thresholds.AppendLine($"| {c.Label} | ({p.Label()}, {q.Label()}) | {above.Verdict} | {Timing.Format(above.Seconds)} | {below.Verdict} | {Timing.Format(below.Seconds)} |");
            }
        }
        var sb = new StringBuilder();
        sb.AppendLine("Exact constants (relative gap 1e-6) with the per-case limit shown in the time column; \"plain engine\" is the engine alone given");
        sb.AppendLine("the same limit (the baseline, for l_inf and l2). Thresholds: L ≤ t without Exact, t = 1.2× and 0.8× the lower bound of the exact run, limit 30 s.");
        sb.AppendLine($"Single runs. The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(exact);
        sb.AppendLine();
        sb.Append(thresholds);
        return sb.ToString();
    }

    private static (string Verdict, double Seconds) Decide(LipschitzQuery query, double threshold, OnnxRuntimeOracle oracle)
    {
        var result = new LipschitzRoute(ScipSolver.Instance)
            .Solve(query with { Exact = false, AtMost = threshold, TimeLimitSeconds = ThresholdLimit * Factor }, oracle);
        string verdict = result.Upper <= threshold ? "passed" : result.Lower > threshold && result.Witness is not null ? "failed" : "undecided";
        return (verdict, result.Elapsed.TotalSeconds);
    }

    private static IEnumerable<Case> Cases()
    {
        (NormKind, NormKind)[] all = [(NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.One), (NormKind.Two, NormKind.Two)];
        yield return new("cartpole [-1,1]^4", "control/cartpole.onnx", Repeat(-1, 4), Repeat(1, 4), all, 60);
        yield return new("lunarlander [-1,1]^8", "control/lunarlander.onnx", Repeat(-1, 8), Repeat(1, 8), all, 60);
        yield return new("ACAS Xu 1_1, property-2 box", "acasxu/ACASXU_run2a_1_1_batch_2000.onnx",
            [0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45], [(NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.One)], 120);
        foreach (double eps in new[] { 0.01, 0.03 })
        {
            var (lower, upper) = GradientBenchmarks.MnistBall(eps);
            yield return new($"mnist-net_256x2, l_inf ball {eps} at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx", lower, upper,
                [(NormKind.Inf, NormKind.Inf)], 60);
        }
    }

    private static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static string Number(double? value) => LipschitzBenchmarks.Number(value);
}
