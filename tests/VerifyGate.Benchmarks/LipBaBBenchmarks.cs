using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12: LipBaB (github.com/pyrobits/LipBaB) and VerifyGate's exact Lipschitz constant side by
/// side, same machine, same run, one after the other: LipBaB's four networks in l1, l2 and l_inf (p = q).
/// VerifyGate runs what `check --exact` runs (LipschitzRoute). LipBaB is found through
/// VERIFYGATE_LIPBAB (lipbab/setup.sh); without it the section says so and measures nothing.
/// VERIFYGATE_LIPBAB_LIMIT overrides the per-case time limit (seconds) of both tools.</summary>
public sealed class LipBaBBenchmarks : IBenchmarkSection
{
    public string Name => "lipbab";
    public string Title => "LipBaB side by side";

    private static readonly double CaseLimit =
        Timing.FromEnvironment("VERIFYGATE_LIPBAB_LIMIT", 300);

    /// <summary>LipBaB stops at af = 1 in float64 (its interval ends rounded outward by 5e-16) with GLPK's
    /// 1e-7 feasibility tolerance on its regions; VerifyGate closes to 1e-6 relative. Agreement allows 1e-6 relative.</summary>
    private const double Tolerance = 1e-6;

    /// <summary>The issue's target: VerifyGate at most half of LipBaB's time.</summary>
    private const double TargetRatio = 2;

    private static readonly NormKind[] Norms = [NormKind.One, NormKind.Two, NormKind.Inf];

    public string Run(TextWriter progress)
    {
        string loadAtStart = LoadAverage();
        var scratch = Directory.CreateTempSubdirectory("verifygate-lipbab-");
        try
        {
            var checkout = LipBaBCheckout.Find(scratch.FullName, out string reason);
            if (checkout == null)
            {
                progress.WriteLine($"  LipBaB not found, section skipped: {reason}");
                return $"**LipBaB was not run**: {reason}.\n";
            }
            return Measure(new LipBaBRun(checkout), checkout, scratch.FullName, loadAtStart, progress);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Measure(LipBaBRun lipbab, LipBaBCheckout checkout, string scratch, string loadAtStart, TextWriter progress)
    {
        var table = new StringBuilder();
        table.AppendLine("| network | norm | LipBaB value | LipBaB time | LipBaB process | VerifyGate interval | VerifyGate time | LipBaB / VerifyGate | VerifyGate ≤ 0.5× LipBaB | agrees |");
        table.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        var commands = new StringBuilder();
        var parameters = new StringBuilder();
        int met = 0, disagreements = 0, cases = 0;

        WarmUp();
        foreach (var network in LipBaBNetworks.All)
        {
            string onnx = Paths.Model(network.OnnxFile);
            var imported = OnnxImporter.Load(onnx).Network;
            string networkFile = Path.Combine(scratch, Path.GetFileNameWithoutExtension(onnx) + ".json");
            LipBaBNetworkFile.Write(imported, networkFile);
            parameters.AppendLine($"| {network.Label} | {lipbab.CompareWithSaved(network.SavedName, networkFile)} |");
            var lo = new double[imported.InputSize];
            var hi = Enumerable.Repeat(network.Width, imported.InputSize).ToArray();
            using var oracle = new OnnxRuntimeOracle(onnx);
            foreach (var norm in Norms)
            {
                cases++;
                string what = $"{network.Label} l{norm.Label()}";
                var command = lipbab.Command(networkFile, norm, 0, network.Width, CaseLimit);
                commands.AppendLine($"- {what}: `{string.Join(' ', command.Select(ShellWord))}`");

                LipBaBResult? theirs = null;
                string? failure = null;
                try
                {
                    theirs = lipbab.Solve(networkFile, norm, 0, network.Width, CaseLimit);
                    progress.WriteLine($"  {what} LipBaB: {LipBaBValue(theirs)} in {theirs.Seconds:0.00} s (process {theirs.WallSeconds:0.00} s), sub-problems {theirs.SubProblems}");
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
                {
                    failure = e.Message.Split('\n')[0];
                    progress.WriteLine($"  {what} LipBaB failed: {e.Message}");
                }

                var query = new LipschitzQuery
                {
                    Network = imported, Lower = lo, Upper = hi, InputNorm = norm, OutputNorm = norm,
                    Exact = true, TimeLimitSeconds = CaseLimit,
                };
                var ours = new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle);
                progress.WriteLine($"  {what} VerifyGate: [{Number(ours.Lower)}, {Number(ours.Upper)}] in {ours.Elapsed.TotalSeconds:0.00} s{(ours.TimedOut ? " (timeout)" : "")}");

                var (ratio, meets) = theirs == null ? ("—", "—") : Ratio(theirs, ours);
                if (meets == "yes") met++;
                string agreement = theirs == null ? "—" : Agreement(theirs, ours);
                if (agreement.StartsWith("**NO", StringComparison.Ordinal))
                {
                    disagreements++;
                    progress.WriteLine($"  !!! {what}: LipBaB {LipBaBValue(theirs!)} lies outside VerifyGate's certified [{Number(ours.Lower)}, {Number(ours.Upper)}]");
                }
                table.AppendLine(theirs == null
                    ? $"| {network.Label} | l{norm.Label()} | failed: {failure} | — | — | {Interval(ours)} | {LipschitzBenchmarks.Time(ours)} | — | — | — |"
                    : $"| {network.Label} | l{norm.Label()} | {LipBaBValue(theirs)} | {LipBaBTime(theirs)} | {Timing.Format(theirs.WallSeconds)} | {Interval(ours)} | {LipschitzBenchmarks.Time(ours)} | {ratio} | {meets} | {agreement} |");
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine($"LipBaB [{checkout.Commit}](https://github.com/pyrobits/LipBaB/tree/{checkout.Commit}) (`LipBaB.py`, exact: approximation factor af = 1), {lipbab.Versions()}, Debian packages;");
        sb.AppendLine("and VerifyGate's exact constant as `check --exact` computes it (`LipschitzRoute`, SCIP, relative gap 1e-6), on the same 2 cores, one after the other.");
        sb.AppendLine("LipBaB's script names its network, box and norm in its own lines; `tests/VerifyGate.Benchmarks/lipbab/run_lipbab.py` replaces just those lines");
        sb.AppendLine("and enables the script's own commented-out time limit, then runs it. Both tools get the ONNX file's weights (LipBaBNetworkFile writes them as JSON into a temporary directory),");
        sb.AppendLine("which are LipBaB's own networks (largest difference to its `saved_networks/*.npy` in the table below).");
        sb.AppendLine($"Per-case time limit {CaseLimit:0} s for each tool. LipBaB time is its own clock (its main loop, after imports and loading the network); \"process\" is the whole Python process.");
        sb.AppendLine("VerifyGate time is the solve alone (network loaded and ONNX Runtime session open beforehand, one untimed warm-up solve per norm on the first network first).");
        sb.AppendLine("The ratio is LipBaB time / VerifyGate time (≥ 2 meets the target); with a timeout on one side it is a bound (< or >).");
        sb.AppendLine($"\"agrees\": LipBaB's exact value lies in VerifyGate's certified interval up to {Tolerance:0e0} relative (an unfinished LipBaB run: the two intervals overlap).");
        sb.AppendLine($"Single runs, not medians; the 2 cores are shared with other work, so the figures may be re-measured: 1-minute load average {loadAtStart} at the start, {LoadAverage()} at the end.");
        sb.AppendLine();
        sb.AppendLine($"**{met} of {cases} cases meet the target (VerifyGate ≤ 0.5× LipBaB's time). {(disagreements == 0 ? "VerifyGate agrees with LipBaB in every case LipBaB answered." : $"{disagreements} DISAGREEMENT(S) between LipBaB and VerifyGate: see the agrees column.")}**");
        sb.AppendLine();
        sb.Append(table);
        sb.AppendLine();
        sb.AppendLine("The same networks: largest |parameter difference| between the ONNX file and LipBaB's `saved_networks/` .npy files (float64; the ONNX weights are float32):");
        sb.AppendLine();
        sb.AppendLine("| network | max abs difference |");
        sb.AppendLine("| --- | ---: |");
        sb.Append(parameters);
        sb.AppendLine();
        sb.AppendLine("<details><summary>The LipBaB command of each case, run from the repository root (the <code>--network</code> files are the temporary JSON files)</summary>");
        sb.AppendLine();
        sb.Append(commands);
        sb.AppendLine();
        sb.AppendLine("</details>");
        return sb.ToString();
    }

    /// <summary>Loads SCIP and compiles each norm's paths (.NET compiles a method on its first call) so the first timed
    /// case of a norm does not pay for them.</summary>
    private static void WarmUp()
    {
        var network = LipBaBNetworks.All[0];
        string onnx = Paths.Model(network.OnnxFile);
        var imported = OnnxImporter.Load(onnx).Network;
        using var oracle = new OnnxRuntimeOracle(onnx);
        foreach (var norm in new[] { NormKind.One, NormKind.Two, NormKind.Inf })
            new LipschitzRoute(ScipSolver.Instance).Solve(new LipschitzQuery
            {
                Network = imported, Lower = new double[imported.InputSize], Upper = Enumerable.Repeat(network.Width, imported.InputSize).ToArray(),
                InputNorm = norm, OutputNorm = norm, Exact = true, TimeLimitSeconds = CaseLimit,
            }, oracle);
    }

    private static (string Ratio, string Meets) Ratio(LipBaBResult theirs, CertifiedBounds ours)
    {
        double ratio = theirs.Seconds / ours.Elapsed.TotalSeconds;
        string value = ratio.ToString(ratio < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
        return (theirs.Finished, ours.TimedOut) switch
        {
            (true, false) => (value, ratio >= TargetRatio ? "yes" : "no"),
            (true, true) => ($"< {value}", "no"),
            (false, false) => ($"> {value}", ratio >= TargetRatio ? "yes" : "not shown"),
            (false, true) => ("—", "not shown"),
        };
    }

    private static string Agreement(LipBaBResult theirs, CertifiedBounds ours)
    {
        double ourLower = ours.Lower ?? 0, ourUpper = ours.Upper ?? double.PositiveInfinity;
        double theirLower = theirs.Finished ? theirs.Value : theirs.Lower;
        double theirUpper = theirs.Finished ? theirs.Value : theirs.Upper;
        bool consistent = theirUpper >= ourLower * (1 - Tolerance) && theirLower <= ourUpper * (1 + Tolerance);
        if (!consistent) return "**NO: outside VerifyGate's interval**";
        return theirs.Finished ? "yes" : "intervals overlap (LipBaB unfinished)";
    }

    private static string LipBaBValue(LipBaBResult r) =>
        r.Finished ? Number(r.Value) : $"[{Number(r.Lower)}, {Number(r.Upper)}]";

    private static string LipBaBTime(LipBaBResult r) =>
        r.Finished ? Timing.Format(r.Seconds) : $"timeout ({Timing.Format(r.Seconds)})";

    private static string Interval(CertifiedBounds r) => $"[{Number(r.Lower)}, {Number(r.Upper)}]";

    /// <summary>Ten digits: enough to see LipBaB's value against an interval 1e-6 wide.</summary>
    private static string Number(double? value) => value is double v ? v.ToString("G10", CultureInfo.InvariantCulture) : "—";

    private static string ShellWord(string word) =>
        Regex.IsMatch(word, @"^[A-Za-z0-9_./=:+,-]+$") ? word : $"'{word.Replace("'", "'\\''")}'";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
