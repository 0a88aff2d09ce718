using VerifyGate.Core.Checking;
using VerifyGate.Core.Tests.Onnx;
using static VerifyGate.Core.Tests.Onnx.OnnxModelBuilder;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>Big-M constants beyond the limits (pre-activation 1e7, tangent 1e8), found only by bound propagation (huge weights), end the property
/// in VG3020/VG3021 naming the property, the model node and the magnitude; never in a pass. The other
/// properties of the file still run.</summary>
public class MagnitudeGuardTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly Checker _checker = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>x[1,2] -> Gemm "hidden" (first weight 1e9) -> Relu -> Gemm "out" -> y[1,1].</summary>
    private string HugeWeightModel() => new OnnxModelBuilder()
        .Input("x", 1, 2).Output("y", 1, 1)
        .Initializer("W1", [2, 2], [1e9f, 1, 1, -1])
        .Initializer("b1", [2], [0.5f, -0.25f])
        .Initializer("W2", [1, 2], [1, 2])
        .Initializer("b2", [1], [0])
        .Node("Gemm", ["x", "W1", "b1"], ["z"], "hidden", Int("transB", 1))
        .Node("Relu", ["z"], ["h"], "relu")
        .Node("Gemm", ["h", "W2", "b2"], ["y"], "out", Int("transB", 1))
        .Save(_ws.Root, "huge.onnx");

    private static string Property(string name, string kind, double bound, double atMost) =>
        $"{{ \"name\": \"{name}\", \"kind\": \"{kind}\", \"domain\": {{ \"lower\": {-bound}, \"upper\": {bound} }}, \"atMost\": {atMost} }}";

    [Fact]
    public void Huge_pre_activation_bounds_are_an_error_naming_property_node_and_magnitude()
    {
        string spec = _ws.Spec("huge.verify.json", HugeWeightModel(), Property("wide", "lipschitz", 1, 1e12));
        var r = Assert.Single(_checker.Check([spec], _ws.Options with { UseCache = false }));

        Assert.Equal(Outcome.Error, r.Outcome);
        var d = Assert.IsType<Diagnostic>(r.Diagnostic);
        Assert.Equal(CheckCodes.PreActivationBoundTooLarge, d.Code);
        Assert.Equal((4, CheckerOutcomeTests.ColumnAfter(spec, 4, "\"domain\": ")), (d.Line, d.Column));
        Assert.Contains("'wide'", d.Message);
        Assert.Contains("'hidden'", d.Message);
        Assert.Contains("1E+09", d.Message);
    }

    [Fact]
    public void Huge_tangent_bounds_are_an_error_and_other_properties_still_run()
    {
        // On ±1e-4 the pre-activation bounds stay near 1e5, but the first layer amplifies by 1e9.
        string spec = _ws.Spec("huge.verify.json", HugeWeightModel(),
            Property("gain", "lipschitz", 1e-4, 1e12), Property("one-to-one", "invertibility", 1e-4, 1));
        var results = _checker.Check([spec], _ws.Options with { UseCache = false });

        Assert.Equal(2, results.Count);
        var gain = results[0];
        Assert.Equal(Outcome.Error, gain.Outcome);
        Assert.Equal(CheckCodes.TangentBoundTooLarge, gain.Diagnostic!.Code);
        Assert.Contains("'hidden'", gain.Message);
        Assert.NotEqual(Outcome.Error, results[1].Outcome);
    }
}
