using VerifyGate.Core.Checking;
using VerifyGate.Core.Tests.Checking;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Robustness;

/// <summary>VNN-LIB properties of ACAS Xu through the whole checker, with results known from the literature (property 2
/// holds on network 1_1 and is violated on 2_1; property 1 holds on both): each verdict, and each counterexample
/// re-evaluated here in ONNX Runtime from the reported input alone.</summary>
public sealed class RobustnessAcasTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private static string Network(string id) => TestPaths.Model($"acasxu/ACASXU_run2a_{id}_batch_2000.onnx");

    private CheckResult Check(string network, int property, string extra = "")
    {
        string vnnlib = CheckWorkspace.Quote(TestPaths.Model($"acasxu/prop_{property}.vnnlib"));
        string spec = _ws.Spec($"{network}-{property}.verify.json", Network(network),
            $"{{ \"name\": \"prop-{property}\", \"kind\": \"robustness\", \"vnnlib\": {vnnlib}, \"timeLimitSeconds\": 120{extra} }}");
        return Assert.Single(new Checker().Check([spec], _ws.Options with { UseCache = false }));
    }

    [Fact]
    public void Property_2_is_violated_on_network_2_1_by_an_input_onnx_runtime_confirms()
    {
        var r = Check("2_1", 2);
        Assert.Equal(Outcome.Failed, r.Outcome);
        Assert.True(r.Upper < 0, $"upper {r.Upper}");
        var x = r.Witness!.X;
        double[] low = [0.6, -0.5, -0.5, 0.45, -0.5], high = [0.679857769, 0.5, 0.5, 0.5, -0.45];
        Assert.All(x, (v, i) => Assert.InRange(v, low[i], high[i]));
        using var onnx = new OnnxRuntimeModel(Network("2_1"));
        var y = onnx.Evaluate(x);
        Assert.True(y.Skip(1).All(v => v <= y[0]), $"clear-of-conflict is not the largest score at the witness: [{string.Join(", ", y)}]");
        Assert.Equal(y, r.Witness.OutputX!);
        Assert.Contains("VG3001", r.Diagnostic!.ToString());
        Assert.Contains("witness x=", r.Message);
    }

    [Fact]
    public void Property_2_holds_on_network_1_1_with_a_positive_certified_margin()
    {
        var r = Check("1_1", 2);
        Assert.Equal(Outcome.Passed, r.Outcome);
        Assert.True(r.Lower > 0 && r.Lower <= r.Upper, $"[{r.Lower}, {r.Upper}]");
    }

    [Fact]
    public void Property_1_holds_on_network_2_1_and_a_margin_above_the_truth_is_refused()
    {
        var holds = Check("2_1", 1);
        Assert.Equal(Outcome.Passed, holds.Outcome);
        // The worst margin of property 1 on 2_1 is at most the witness's: asking for more than that must fail.
        double above = holds.Upper!.Value + 0.01;
        var refused = Check("2_1", 1, $", \"atLeast\": {above.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(Outcome.Failed, refused.Outcome);
        Assert.True(refused.Upper < above);
    }
}
