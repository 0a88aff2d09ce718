using System.Text.Json;
using System.Text.RegularExpressions;
using VerifyGate.Cli;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Cli;

/// <summary><c>verifygate check</c> in-process: the JSON contract, human output with canonical
/// diagnostics, and exit codes.</summary>
public class CheckCommandTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private (int Exit, string Out, string Err) Check(params string[] args) =>
        CliRunner.Run(["check", .. args, "--cache-dir", _ws.CacheDirectory]);

    private string Passing() => _ws.Spec("ok.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100));
    private string Failing() => _ws.Spec("bad.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("tight", 5));

    [Fact]
    public void Json_output_is_one_document_with_every_contract_field()
    {
        string passing = Passing();
        string failing = Failing();
        string erroring = _ws.Spec("err.verify.json", "missing.onnx", CheckWorkspace.Lipschitz("orphan", 1));
        var (exit, stdout, stderr) = Check(_ws.Root, "--json");

        Assert.Equal(ExitCodes.UsageOrError, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["tight", "orphan", "loose"], results.Select(r => r.GetProperty("property").GetString()));

        foreach (var r in results)
        {
            string file = r.GetProperty("file").GetString()!;
            Assert.DoesNotContain('\\', file);
            Assert.False(Path.IsPathRooted(file));
            Assert.True(r.GetProperty("line").GetInt32() > 0);
            Assert.Equal("lipschitz", r.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Number, r.GetProperty("seconds").ValueKind);
            Assert.Contains(r.GetProperty("cached").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Equal(JsonValueKind.String, r.GetProperty("message").ValueKind);
            Assert.Equal(JsonValueKind.Object, r.GetProperty("threshold").ValueKind);
            foreach (var name in new[] { "lower", "upper", "solver", "witness" }) Assert.True(r.TryGetProperty(name, out _), name);
        }
        var (failed, error, passed) = (results[0], results[1], results[2]);
        Assert.Equal(Path.GetFullPath(failing), Path.GetFullPath(failed.GetProperty("file").GetString()!));
        Assert.Equal(Path.GetFullPath(erroring), Path.GetFullPath(error.GetProperty("file").GetString()!));
        Assert.Equal(Path.GetFullPath(passing), Path.GetFullPath(passed.GetProperty("file").GetString()!));

        Assert.Equal("passed", passed.GetProperty("outcome").GetString());
        Assert.Equal(4, passed.GetProperty("line").GetInt32());
        Assert.Equal(100, passed.GetProperty("threshold").GetProperty("atMost").GetDouble());
        Assert.False(passed.GetProperty("threshold").TryGetProperty("atLeast", out _));
        Assert.True(passed.GetProperty("upper").GetDouble() <= 100);
        Assert.Contains("SCIP", passed.GetProperty("solver").GetString());

        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        double lower = failed.GetProperty("lower").GetDouble();
        Assert.True(lower > 5);
        var witness = failed.GetProperty("witness");
        Assert.Equal(4, witness.GetProperty("x").GetArrayLength());
        Assert.Equal(4, witness.GetProperty("y").GetArrayLength());
        Assert.Equal(lower, witness.GetProperty("ratio").GetDouble());

        Assert.Equal("error", error.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("lower").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("upper").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("witness").ValueKind);
        Assert.Contains("missing.onnx", error.GetProperty("message").GetString());
        Assert.Equal("VG1014", error.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void A_second_json_run_reports_cached_results()
    {
        string spec = Passing();
        Assert.Equal(ExitCodes.AllPassed, Check(spec, "--json").Exit);
        var (exit, stdout, _) = Check(spec, "--json");
        Assert.Equal(ExitCodes.AllPassed, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("results")[0].GetProperty("cached").GetBoolean());
        var (_, noCache, _) = Check(spec, "--json", "--no-cache");
        using var fresh = JsonDocument.Parse(noCache);
        Assert.False(fresh.RootElement.GetProperty("results")[0].GetProperty("cached").GetBoolean());
    }

    [Fact]
    public void Human_output_has_a_line_per_property_canonical_diagnostics_and_a_summary()
    {
        Passing();
        string failing = Failing();
        var (exit, stdout, _) = Check(_ws.Root);

        Assert.Equal(ExitCodes.SomeFailed, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^failed\s+\S*bad\.verify\.json: tight  \[\S+, \S+\] atMost 5  \d+\.\d+ s$", lines[0]);
        Assert.Matches(@"^certified \[\S+, \S+\], relative gap \S+; witness x=\[.*\] y=\[.*\] ratio \S+$", lines[1]);
        Assert.Matches(@"^passed\s+\S*ok\.verify\.json: loose  \[\S+, \S+\] atMost 100  \d+\.\d+ s$", lines[2]);
        var canonical = Assert.Single(lines, l => l.Contains(": error VG"));
        var match = Regex.Match(canonical, @"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\): error VG3001: property 'tight' is violated: .*witness x=\[");
        Assert.True(match.Success, canonical);
        Assert.Equal(Path.GetFullPath(failing), Path.GetFullPath(match.Groups["file"].Value));
        Assert.Equal("4", match.Groups["line"].Value);
        Assert.Matches(@"^2 properties: 1 passed, 1 failed, 0 inconclusive, 0 errors in \d+\.\d+ s$", lines[^1]);

        var (_, cached, _) = Check(_ws.Root);
        Assert.EndsWith("(cached)", cached.Split('\n')[2].TrimEnd());
    }

    [Fact]
    public void Exit_codes_follow_the_worst_outcome()
    {
        Assert.Equal(ExitCodes.AllPassed, Check(Passing()).Exit);
        Assert.Equal(ExitCodes.SomeFailed, Check(Failing()).Exit);
        string inconclusive = _ws.Spec("warn.verify.json", CheckWorkspace.SdNet,
            "{ \"name\": \"w\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 0.1 }, \"norm\": 2, \"atMost\": 25, \"onInconclusive\": \"warn\" }");
        var (warnExit, warnOut, _) = Check(inconclusive, "--time-limit", "0.2");
        Assert.Equal(ExitCodes.AllPassed, warnExit);
        Assert.Contains(": warning VG3002: property 'w' is inconclusive", warnOut);
        Assert.Contains("time limit of 0.2 s ran out", warnOut);

        var (highs, highsOut, _) = Check(Passing(), "--solver", "highs");
        Assert.Equal(ExitCodes.UsageOrError, highs);
        Assert.Contains("error VG3005: solver highs is not available in this build", highsOut);
    }

    [Theory]
    [InlineData("--time-limit", "-1")]
    [InlineData("--solver", "cplex")]
    [InlineData("--cores", "0")]
    [InlineData("--cores", "two")]
    [InlineData("--frobnicate", "1")]
    [InlineData("--shard", "4/3")]
    [InlineData("--shard", "0/3")]
    [InlineData("--shard", "half")]
    public void Usage_errors_exit_with_2_and_print_nothing_on_stdout(string option, string value)
    {
        var (exit, stdout, stderr) = Check(Passing(), option, value);
        Assert.Equal(ExitCodes.UsageOrError, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("verifygate: ", stderr);
    }

    [Fact]
    public void Shards_check_every_property_exactly_once_and_the_same_ones_every_run()
    {
        // Properties of a missing model are errors at once: what matters here is which ones each shard reports.
        for (int f = 0; f < 4; f++)
            _ws.Spec($"models/f{f}.verify.json", "missing.onnx", [.. Enumerable.Range(0, 6).Select(p => CheckWorkspace.Lipschitz($"p{f}-{p}", 1))]);
        File.WriteAllText(Path.Combine(_ws.Root, "models", "broken.verify.json"), "{ not json");
        var everything = Names(Check(_ws.Root, "--json").Out);
        Assert.Equal(25, everything.Count);

        var shards = Enumerable.Range(1, 3).Select(i => Names(Check(_ws.Root, "--json", "--shard", $"{i}/3").Out)).ToList();

        Assert.All(shards, shard => Assert.NotEmpty(shard));
        Assert.Equal(everything.Order(), shards.SelectMany(s => s).Order());
        Assert.Equal(shards[1], Names(Check(_ws.Root, "--json", "--shard", "2/3").Out));
        Assert.Equal(everything, Names(Check(_ws.Root, "--json", "--shard", "1/1").Out));
    }

    private static List<string> Names(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => $"{Path.GetFileName(r.GetProperty("file").GetString())}:{r.GetProperty("property").GetString()}")];
    }

    [Fact]
    public void No_property_files_or_no_matching_property_is_a_usage_error()
    {
        Directory.CreateDirectory(Path.Combine(_ws.Root, "empty"));
        var (exit, stdout, stderr) = Check(Path.Combine(_ws.Root, "empty"));
        Assert.Equal((ExitCodes.UsageOrError, ""), (exit, stdout));
        Assert.Contains("no property files", stderr);

        var (exit2, _, stderr2) = Check(Passing(), "--property", "nope");
        Assert.Equal(ExitCodes.UsageOrError, exit2);
        Assert.Contains("no property named \"nope\"", stderr2);
        Assert.Equal(ExitCodes.AllPassed, Check(Passing(), "--property", "loose").Exit);
    }
}
