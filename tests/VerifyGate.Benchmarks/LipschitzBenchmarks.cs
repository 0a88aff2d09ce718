using VerifyGate.Core.Problems;
using System.Globalization;
using System.Text;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Lipschitz": time to the exact constant and to threshold decisions on the LipBaB
/// networks in l1, l2 and l_inf; the local l_inf constant of ACAS Xu 1_1; the effect of the bound method.
/// VERIFYGATE_LIP_LIMIT overrides the per-case time limit (seconds) for quick trial runs.</summary>
public sealed class LipschitzBenchmarks : IBenchmarkSection
{
    public string Name => "lipschitz";
    public string Title => "Lipschitz constants";

    private static readonly double CaseLimit = LimitFromEnvironment(300);
    private static readonly double AcasLimit = LimitFromEnvironment(600);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LoadAverage();
        var exactTable = new StringBuilder();
        exactTable.AppendLine("| network | norm | lower | upper | rel. gap | time | unstable | sub-problems | at most 1.5×L | at most 0.9×L |");
        exactTable.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        var boundTable = new StringBuilder();
        boundTable.AppendLine("| network | bound method | unstable | time (exact, l_inf) | lower | upper |");
        boundTable.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");

        foreach (var (label, file, width, _) in LipBaBNetworks.All)
        {
            var path = Paths.Model(file);
            var network = OnnxImporter.Load(path).Network;
            var lo = new double[network.InputSize];
            var hi = Enumerable.Repeat(width, network.InputSize).ToArray();
            using var oracle = new OnnxRuntimeOracle(path);
            foreach (var norm in new[] { NormKind.One, NormKind.Two, NormKind.Inf })
            {
                var query = new LipschitzQuery
                {
                    Network = network, Lower = lo, Upper = hi, InputNorm = norm, OutputNorm = norm,
                    Exact = true, TimeLimitSeconds = CaseLimit,
                };
                var exact = Solve(query, oracle, progress, $"{label} l{norm.Label()} exact");
                string pass = "n/a", fail = "n/a";
                if (exact.Lower is double l)
                {
                    // L is the certified lower bound: the constant itself when the gap closed.
                    pass = Decide(query with { Exact = false, AtMost = 1.5 * l }, oracle, progress, $"{label} l{norm.Label()} <= 1.5L");
                    fail = Decide(query with { Exact = false, AtMost = 0.9 * l }, oracle, progress, $"{label} l{norm.Label()} <= 0.9L");
                }
                exactTable.AppendLine($"| {label} | l{norm.Label()} | {Number(exact.Lower)} | {Number(exact.Upper)} | {Gap(exact)} | {Time(exact)} | {exact.UnstableNeurons} | {exact.SubProblems} | {pass} | {fail} |");
                if (norm == NormKind.Inf)
                {
                    boundTable.AppendLine(BoundRow(label, "Symbolic", exact));
                    foreach (var method in OtherBoundMethods())
                        boundTable.AppendLine(BoundRow(label, method.ToString(), Solve(query with { BoundMethod = method }, oracle, progress, $"{label} linf exact {method}")));
                }
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine($"Same norm on input and output, all outputs. \"exact\" closes the gap to 1e-6 relative (Exact = true);");
        sb.AppendLine($"the threshold columns decide L ≤ t without Exact, t = 1.5 × and 0.9 × the lower bound of the exact run (L itself when it closed).");
        sb.AppendLine($"Per-case time limit {CaseLimit:0} s; \"timeout\" rows show the certified bounds reached by then.");
        sb.AppendLine($"Single runs, not medians. The 2 cores are shared: 1-minute load average {loadAtStart} at the start, {LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(exactTable);
        sb.AppendLine();
        sb.AppendLine("LipBaB itself on these cases, same run: section [LipBaB side by side](#lipbab-side-by-side).");
        sb.AppendLine();
        sb.AppendLine("Bound method used for the big-M constants and the binaries (exact l_inf constant):");
        sb.AppendLine();
        sb.Append(boundTable);
        sb.AppendLine();
        sb.Append(TwoBallMethods(progress));
        sb.AppendLine();
        sb.Append(Acas(progress));
        return sb.ToString();
    }

    /// <summary>The l2 input ball as a convex quadratic constraint against its polyhedral outer
    /// approximation refined by cutting planes (the default when q is 1 or inf), back to back.</summary>
    private static string TwoBallMethods(TextWriter progress)
    {
        var (label, file, width, _) = LipBaBNetworks.All[^1];
        var path = Paths.Model(file);
        var network = OnnxImporter.Load(path).Network;
        using var oracle = new OnnxRuntimeOracle(path);
        var sb = new StringBuilder();
        sb.AppendLine($"The l2 input ball (p = 2) on {label}, exact constant, time limit {CaseLimit:0} s: quadratic constraint against cutting planes (default for q = 1 and q = inf):");
        sb.AppendLine();
        sb.AppendLine("| (p, q) | quadratic ball | cutting planes | lower | upper | quadratic / cutting planes |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var q in new[] { NormKind.One, NormKind.Inf })
        {
            var query = new LipschitzQuery
            {
                Network = network, Lower = new double[network.InputSize], Upper = Enumerable.Repeat(width, network.InputSize).ToArray(),
                InputNorm = NormKind.Two, OutputNorm = q, Exact = true, TimeLimitSeconds = CaseLimit,
            };
            var quadratic = Solve(query with { TwoBall = TwoBallMethod.Quadratic }, oracle, progress, $"{label} (2,{q.Label()}) quadratic ball");
            var cuts = Solve(query with { TwoBall = TwoBallMethod.CuttingPlanes }, oracle, progress, $"{label} (2,{q.Label()}) cutting planes");
            string ratio = cuts.TimedOut ? "—" : quadratic.TimedOut
                ? $"> {(quadratic.Elapsed.TotalSeconds / cuts.Elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)}"
                : (quadratic.Elapsed.TotalSeconds / cuts.Elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
            sb.AppendLine($"| (2, {q.Label()}) | {Time(quadratic)} | {Time(cuts)} | {Number(cuts.Lower)} | {Number(cuts.Upper)} | {ratio} |");
        }
        return sb.ToString();
    }

    /// <summary>ACAS Xu 1_1 on the property-2 box: the plain engine against what a check runs (the engine
    /// on a quarter of the time, then input-domain branch and bound), back to back.</summary>
    private static string Acas(TextWriter progress)
    {
        var path = Paths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx");
        var network = OnnxImporter.Load(path).Network;
        var (lo, hi) = Boxes.AcasProperty2;
        using var oracle = new OnnxRuntimeOracle(path);
        var sb = new StringBuilder();
        sb.AppendLine($"Local Lipschitz constants of ACAS Xu 1_1 on the property-2 box (all five outputs, exact, time limit {AcasLimit:0} s):");
        sb.AppendLine("the plain engine, and what `check` runs: the engine on a quarter of the time, then input splitting.");
        sb.AppendLine();
        sb.AppendLine("| norm | method | lower | upper | rel. gap | time | unstable | notes |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var p in new[] { NormKind.Inf, NormKind.One })
        {
            var query = new LipschitzQuery
            {
                Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = NormKind.Inf,
                Exact = true, TimeLimitSeconds = AcasLimit,
            };
            var plain = Solve(query, oracle, progress, $"ACAS Xu 1_1 (l{p.Label()}, linf) plain engine");
            var split = new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle);
            progress.WriteLine($"  ACAS Xu 1_1 (l{p.Label()}, linf) root then split: [{Number(split.Lower)}, {Number(split.Upper)}] in {split.Elapsed.TotalSeconds:0.00} s");
            string splitNote = split.Notes.FirstOrDefault(n => n.StartsWith("input splitting", StringComparison.Ordinal)) ?? "";
            sb.AppendLine($"| (l{p.Label()}, linf) | plain engine | {Number(plain.Lower)} | {Number(plain.Upper)} | {Gap(plain)} | {Time(plain)} | {plain.UnstableNeurons} | |");
            sb.AppendLine($"| (l{p.Label()}, linf) | root, then input splitting | {Number(split.Lower)} | {Number(split.Upper)} | {Gap(split)} | {Time(split)} | {split.UnstableNeurons} | {splitNote} |");
        }
        return sb.ToString();
    }

    private static CertifiedBounds Solve(LipschitzQuery query, OnnxRuntimeOracle oracle, TextWriter progress, string what)
    {
        var result = new LipschitzEngine(ScipSolver.Instance).Solve(query, oracle);
        progress.WriteLine($"  {what}: [{Number(result.Lower)}, {Number(result.Upper)}] in {result.Elapsed.TotalSeconds:0.00} s" +
                           $"{(result.TimedOut ? " (timeout)" : "")}, unstable {result.UnstableNeurons}, sub-problems {result.SubProblems}");
        foreach (var note in result.Notes) progress.WriteLine($"    note: {note}");
        return result;
    }

    private static string Decide(LipschitzQuery query, OnnxRuntimeOracle oracle, TextWriter progress, string what)
    {
        var result = Solve(query, oracle, progress, what);
        double t = query.AtMost!.Value;
        string outcome = result.Upper <= t ? "passed" : result.Lower > t ? "failed" : "undecided";
        return $"{outcome}, {Time(result)}";
    }

    /// <summary>Every bound method other than the default (Symbolic), including any added later (LpTightened).</summary>
    private static IEnumerable<BoundMethod> OtherBoundMethods() => Enum.GetValues<BoundMethod>().Where(m => m != BoundMethod.Symbolic);

    private static string BoundRow(string label, string method, CertifiedBounds r) =>
        $"| {label} | {method} | {r.UnstableNeurons} | {Time(r)} | {Number(r.Lower)} | {Number(r.Upper)} |";

    internal static string Number(double? value) => value is double v ? v.ToString("G7", CultureInfo.InvariantCulture) : "—";

    internal static string Gap(CertifiedBounds r) =>
        r.Lower is double l && r.Upper is double u && u > 0 ? ((u - l) / u).ToString("0.0e0", CultureInfo.InvariantCulture) : "—";

    /// <summary>"[lower, upper] time": the certified interval with its time, or "timeout (…)".</summary>
    internal static string TimedInterval(CertifiedBounds r) => $"[{Number(r.Lower)}, {Number(r.Upper)}] {Time(r)}";

    internal static string Time(CertifiedBounds r) => r.TimedOut ? $"timeout ({Timing.Format(r.Elapsed.TotalSeconds)})" : Timing.Format(r.Elapsed.TotalSeconds);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double LimitFromEnvironment(double fallback) =>
        Timing.FromEnvironment("VERIFYGATE_LIP_LIMIT", fallback);
}
