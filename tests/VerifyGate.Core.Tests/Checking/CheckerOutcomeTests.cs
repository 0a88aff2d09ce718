using VerifyGate.Core.Checking;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>The checker's outcomes on real models: passed, failed with a witness ONNX Runtime confirms,
/// inconclusive at the time limit, and the order of results.</summary>
public class CheckerOutcomeTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly Checker _checker = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>The 1-based column just after <paramref name="marker"/> on a 1-based line of the file.</summary>
    internal static int ColumnAfter(string path, int line, string marker)
    {
        string text = File.ReadAllLines(path)[line - 1];
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not on line {line}: {text}");
        return at + marker.Length + 1;
    }

    [Fact]
    public void A_loose_threshold_passes_with_certified_bounds()
    {
        string spec = _ws.Spec("iris.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100));
        var r = Assert.Single(_checker.Check([spec], _ws.Options));

        Assert.Equal(Outcome.Passed, r.Outcome);
        Assert.Equal("loose", r.Property);
        Assert.Equal("lipschitz", r.Kind);
        Assert.Equal(spec, r.File);
        Assert.Equal(4, r.Line);
        Assert.Equal(ColumnAfter(spec, 4, "\"name\": "), r.Column);
        Assert.Equal(new Threshold(100, null), r.Threshold);
        Assert.NotNull(r.Lower);
        Assert.NotNull(r.Upper);
        Assert.InRange(r.Lower!.Value, 1, r.Upper!.Value);
        Assert.True(r.Upper <= 100);
        Assert.Contains("SCIP", r.Solver);
        Assert.False(r.Cached);
        Assert.Null(r.Diagnostic);
        Assert.StartsWith("L_inf,inf certified in [", r.Message);
        Assert.Contains("<= 100 (passed)", r.Message);
    }

    [Fact]
    public void A_broken_threshold_fails_with_a_witness_that_onnx_runtime_confirms()
    {
        const double atMost = 5;
        string spec = _ws.Spec("iris.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("tight", atMost));
        var r = Assert.Single(_checker.Check([spec], _ws.Options));

        Assert.Equal(Outcome.Failed, r.Outcome);
        Assert.True(r.Lower > atMost);
        var w = Assert.IsType<Witness>(r.Witness);
        Assert.Equal(r.Lower, w.Ratio);
        Assert.All(w.X.Concat(w.Y), v => Assert.InRange(v, 0, 1));

        using var ort = new OnnxRuntimeModel(CheckWorkspace.Iris);
        var fx = ort.Evaluate(w.X);
        var fy = ort.Evaluate(w.Y);
        double outputDistance = fx.Select((v, i) => Math.Abs(v - fy[i])).Max();
        double inputDistance = w.X.Select((v, i) => Math.Abs(v - w.Y[i])).Max();
        Assert.True(outputDistance / inputDistance >= atMost, $"ONNX Runtime ratio {outputDistance / inputDistance} below {atMost}");

        var d = Assert.IsType<Diagnostic>(r.Diagnostic);
        Assert.Equal(CheckCodes.Violated, d.Code);
        Assert.False(d.IsWarning);
        Assert.Equal((4, ColumnAfter(spec, 4, "\"atMost\": ")), (d.Line, d.Column));
        Assert.Contains("exceeds atMost 5: witness x=[", r.Message);
        Assert.Contains("ratio", r.Message);
    }

    [Theory]
    [InlineData("warn", Outcome.Inconclusive)]
    [InlineData("fail", Outcome.Failed)]
    public void Time_running_out_between_the_bounds_follows_onInconclusive(string policy, Outcome expected)
    {
        string property = "{ \"name\": \"hard\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 0.1 }, \"norm\": 2, " +
                          $"\"atMost\": 25, \"timeLimitSeconds\": 0.2, \"onInconclusive\": \"{policy}\" }}";
        string spec = _ws.Spec("sd.verify.json", CheckWorkspace.SdNet, property);
        var progress = new List<CheckProgress>();
        var r = Assert.Single(_checker.Check([spec], _ws.Options, new SyncProgress(progress.Add)));

        Assert.Equal(expected, r.Outcome);
        Assert.True(r.Lower <= 25 && r.Upper > 25, $"bounds [{r.Lower}, {r.Upper}] should straddle 25");
        var d = Assert.IsType<Diagnostic>(r.Diagnostic);
        Assert.Equal(CheckCodes.Inconclusive, d.Code);
        Assert.Equal(policy == "warn", d.IsWarning);
        Assert.Contains("time limit of 0.2 s ran out", r.Message);
        Assert.Empty(_ws.CacheEntries()); // undecided results are not cached
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal("hard", p.Property));
        Assert.Equal(TimeSpan.Zero, progress[0].Elapsed);
        Assert.True(progress[^1].Finished);
        Assert.Equal(r.Upper, progress[^1].Upper);
    }

    [Fact]
    public void Results_come_in_file_then_property_order_and_a_named_property_can_be_checked_alone()
    {
        string b = _ws.Spec("b.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("b1", 100));
        string a = _ws.Spec("sub/a.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("a2", 100), CheckWorkspace.Lipschitz("a1", 1));
        _ws.Write("ignored.json", "{}");

        var all = _checker.Check([_ws.Root], _ws.Options);
        Assert.Equal(["b1", "a2", "a1"], all.Select(r => r.Property)); // "b.verify.json" < "sub/a.verify.json"
        Assert.Equal([b, a, a], all.Select(r => Path.GetFullPath(r.File)));

        var one = _checker.CheckProperty(a, "a1", _ws.Options);
        Assert.Equal(Outcome.Failed, one.Outcome);
        var filtered = _checker.Check([_ws.Root], _ws.Options with { Property = "a2" });
        Assert.Equal("a2", Assert.Single(filtered).Property);
        Assert.Equal(Outcome.Error, _checker.CheckProperty(a, "nope", _ws.Options).Outcome);
    }

    private sealed class SyncProgress(Action<CheckProgress> report) : IProgress<CheckProgress>
    {
        private readonly object _gate = new();
        public void Report(CheckProgress value) { lock (_gate) report(value); }
    }
}
