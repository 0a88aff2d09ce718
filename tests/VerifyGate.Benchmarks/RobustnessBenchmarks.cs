using System.Diagnostics;
using System.Globalization;
using System.Text;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Robustness;
using VerifyGate.Core.Specs;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "a robustness kind ... and VNN-LIB properties": the VNN-COMP 2021 ACAS Xu instances (properties 1-4 on
/// all 45 networks, 5-10 on theirs) and the mnistfc 256x2 properties, each read from its VNN-LIB file into a robustness
/// property and checked by the checker's engine with a per-instance limit, against the published ground truth
/// (Data/vnncomp2021-expected.csv, when a row knows it). A disagreement is a bug to find, not a number to tune.</summary>
public sealed class RobustnessBenchmarks : IBenchmarkSection
{
    public string Name => "robustness";
    public string Title => "Robustness: VNN-LIB properties of VNN-COMP 2021 (ACAS Xu, mnistfc)";

    private static readonly double TimeLimit = Timing.FromEnvironment("VERIFYGATE_VNNLIB_SECONDS", 60);

    private sealed record Instance(string Benchmark, string Network, string Property);
    private sealed record Outcome(Instance Instance, string Verdict, double? Lower, double? Upper, double Seconds);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var outcomes = Instances().Select(i => Check(i, progress)).ToList();
        var published = PublishedResults();
        var expected = published.ToDictionary(p => p.Key, p => p.Value.Verdict);
        var nnenum = published.Where(p => p.Value.NnenumSeconds is not null).ToDictionary(p => p.Key, p => p.Value.NnenumSeconds!.Value);
        var sb = new StringBuilder();
        sb.AppendLine($"Each instance: its VNN-LIB file as `{{ \"kind\": \"robustness\", \"vnnlib\": … }}` on its network, limit {TimeLimit:0} s, " +
                      $"{Environment.ProcessorCount} cores; \"holds\": certified margin > 0 over every box; \"violated\": a counterexample ONNX Runtime " +
                      "confirms; \"undecided\": the limit ran out. Expected: VNN-COMP 2021's published results (Data/vnncomp2021-expected.csv).");
        sb.AppendLine();
        sb.AppendLine("| benchmark | property | instances | holds | violated | undecided | total time | median | slowest decided | agrees with expected | disagrees | nnenum 2021: decided | its total time |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var disagreements = new List<string>();
        foreach (var group in outcomes.GroupBy(o => (o.Instance.Benchmark, o.Instance.Property)))
        {
            var list = group.ToList();
            var times = list.Select(o => o.Seconds).Order().ToList();
            var decidedTimes = list.Where(o => o.Verdict != "undecided").Select(o => o.Seconds).ToList();
            string slowest = decidedTimes.Count == 0 ? "—" : Timing.Format(decidedTimes.Max());
            var cpu = list.Select(o => nnenum.TryGetValue((o.Instance.Network, o.Instance.Property), out double t) ? t : (double?)null).Where(t => t is not null).ToList();
            int agree = 0, disagree = 0;
            foreach (var o in list)
            {
                if (!expected.TryGetValue((o.Instance.Network, o.Instance.Property), out var truth) || truth == "unknown" || o.Verdict == "undecided") continue;
                if (truth == o.Verdict) agree++;
                else
                {
                    disagree++;
                    disagreements.Add($"{o.Instance.Network} {o.Instance.Property}: {o.Verdict} [{o.Lower:G6}, {o.Upper:G6}], expected {truth}");
                }
            }
            sb.AppendLine($"| {group.Key.Benchmark} | {group.Key.Property} | {list.Count} | {list.Count(o => o.Verdict == "holds")} | " +
                          $"{list.Count(o => o.Verdict == "violated")} | {list.Count(o => o.Verdict == "undecided")} | {Timing.Format(times.Sum())} | " +
                          $"{Timing.Format(times[times.Count / 2])} | {slowest} | {agree} | {disagree} | {cpu.Count} | {Timing.Format(cpu.Sum(t => t!.Value))} |");
        }
        int total = outcomes.Count, solved = outcomes.Count(o => o.Verdict != "undecided");
        var acas = outcomes.Where(o => o.Instance.Benchmark == "acasxu").ToList();
        var acasCpu = acas.Select(o => nnenum.TryGetValue((o.Instance.Network, o.Instance.Property), out double t) ? t : (double?)null).Where(t => t is not null).Select(t => t!.Value).ToList();
        sb.AppendLine();
        sb.AppendLine($"{solved} of {total} instances decided within {TimeLimit:0} s each ({outcomes.Where(o => o.Verdict != "undecided").Sum(o => o.Seconds):0} s for the decided ones). " +
                      (disagreements.Count == 0 ? "No verdict disagrees with the published results." : $"Disagreements: {string.Join("; ", disagreements)}."));
        sb.AppendLine();
        sb.AppendLine($"ACAS Xu: {acas.Count(o => o.Verdict != "undecided")} of {acas.Count} decided here in {Timing.Format(acas.Sum(o => o.Seconds))} in all (undecided ones at the limit); " +
                      $"nnenum, the CPU tool of VNN-COMP 2021 (its published per-instance times, on the competition's machine), decided {acasCpu.Count} of them in " +
                      $"{Timing.Format(acasCpu.Sum())}, the slowest in {Timing.Format(acasCpu.DefaultIfEmpty(0).Max())}. " +
                      $"The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.AppendLine("<details><summary>Every instance</summary>");
        sb.AppendLine();
        sb.AppendLine("| network | property | verdict | certified margin | time | expected |");
        sb.AppendLine("| --- | --- | --- | --- | ---: | --- |");
        foreach (var o in outcomes)
        {
            string truth = expected.TryGetValue((o.Instance.Network, o.Instance.Property), out var t) ? t : "—";
            sb.AppendLine($"| {o.Instance.Network} | {o.Instance.Property} | {o.Verdict} | [{Number(o.Lower)}, {Number(o.Upper)}] | {Timing.Format(o.Seconds)} | {truth} |");
        }
        sb.AppendLine();
        sb.AppendLine("</details>");
        return sb.ToString();
    }

    private static string Number(double? v) => v is double d ? d.ToString("G6", CultureInfo.InvariantCulture) : "—";

    /// <summary>The VNN-COMP 2021 instance list: properties 1-4 on every network, 5-10 on the networks they were stated for.</summary>
    private static IEnumerable<Instance> Instances()
    {
        var only = Environment.GetEnvironmentVariable("VERIFYGATE_VNNLIB_ONLY");  // e.g. "prop_2" for a quick trial
        var list = new List<Instance>();
        for (int p = 1; p <= 4; p++)
            for (int a = 1; a <= 5; a++)
                for (int b = 1; b <= 9; b++)
                    list.Add(new("acasxu", $"ACASXU_run2a_{a}_{b}_batch_2000.onnx", $"prop_{p}.vnnlib"));
        foreach (var (p, net) in new[] { (5, "1_1"), (6, "1_1"), (7, "1_9"), (8, "2_9"), (9, "3_3"), (10, "4_5") })
            list.Add(new("acasxu", $"ACASXU_run2a_{net}_batch_2000.onnx", $"prop_{p}.vnnlib"));
        foreach (int p in new[] { 0, 1, 2 })
            list.Add(new("mnistfc", "mnist-net_256x2.onnx", $"prop_{p}_0.03.vnnlib"));
        return only is null ? list : list.Where(i => i.Property.StartsWith(only, StringComparison.Ordinal) || i.Network.Contains(only, StringComparison.Ordinal));
    }

    private static Outcome Check(Instance instance, TextWriter progress)
    {
        string folder = Path.Combine(Path.GetTempPath(), "vg-bench-vnnlib-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string model = Paths.Model($"{instance.Benchmark}/{instance.Network}");
            string vnnlib = Paths.Model($"{instance.Benchmark}/{instance.Property}");
            string spec = Path.Combine(folder, "p.verify.json");
            File.WriteAllText(spec, $$"""{ "model": {{Json(model)}}, "properties": [ { "name": "p", "kind": "robustness", "vnnlib": {{Json(vnnlib)}} } ] }""");
            var sw = Stopwatch.StartNew();
            var file = SpecLoader.Load(spec).File ?? throw new InvalidOperationException($"{spec} did not load");
            var network = OnnxImporter.Load(model).Network;
            var (resolved, diagnostics) = SpecValidator.Resolve(file.Properties[0], network.InputSize, network.OutputSize);
            if (resolved is null) throw new InvalidOperationException(string.Join("; ", diagnostics));
            using var oracle = new OnnxRuntimeOracle(model);
            var query = new RobustnessQuery { Network = network, Cases = resolved.Cases!, TimeLimitSeconds = TimeLimit };
            var r = new RobustnessEngine().Solve(query, oracle);
            double seconds = sw.Elapsed.TotalSeconds;
            bool strict = query.Cases.Any(c => c.Condition.Strict);
            string verdict = r.Lower is double l && (strict ? l > 0 : l >= 0) ? "holds"
                : r.Upper is double u && u <= 0 && r.Witness is not null ? "violated" : "undecided";
            progress.WriteLine($"{instance.Network} {instance.Property}: {verdict} [{Number(r.Lower)}, {Number(r.Upper)}] {Timing.Format(seconds)}");
            return new Outcome(instance, verdict, r.Lower, r.Upper, seconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>One instance's published result: holds | violated | unknown, and the seconds nnenum (VNN-COMP 2021's CPU
    /// tool) took to decide it, when it did.</summary>
    private sealed record Published(string Verdict, double? NnenumSeconds);

    private static Dictionary<(string, string), Published> PublishedResults()
    {
        string path = Path.Combine(Paths.RepositoryRoot, "tests", "VerifyGate.Benchmarks", "Data", "vnncomp2021-expected.csv");
        var result = new Dictionary<(string, string), Published>();
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 4) continue;
            double? seconds = cells.Length >= 7 && cells[^2].Trim() == "nnenum"
                && double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double t) ? t : null;
            result[(cells[1].Trim(), cells[2].Trim())] = new Published(cells[3].Trim(), seconds);
        }
        return result;
    }
}
