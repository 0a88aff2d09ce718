using System.Globalization;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Tests.Checking;
using VerifyGate.Core.Tests.Oracles;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Edges;

/// <summary>Thresholds at and below the engine's resolution (README, "Thresholds at the engine's resolution"):
/// atMost 0 is how a property file says "one-to-one" or "constant", p = 2 thresholds must survive squaring,
/// and no such property ends inconclusive without having solved anything.</summary>
public class ThresholdResolutionTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly Checker _checker = new();
    private static readonly string CartPole = TestPaths.Model("control/cartpole.onnx");

    public void Dispose() => _ws.Dispose();

    private static string Property(string name, string kind, string norm, double atMost, string domain = "{ \"lower\": -1, \"upper\": 1 }") =>
        $"{{ \"name\": \"{name}\", \"kind\": \"{kind}\", \"domain\": {domain}, \"norm\": \"{norm}\", \"atMost\": {atMost.ToString("R", CultureInfo.InvariantCulture)}, \"timeLimitSeconds\": 60 }}";

    private CheckResult CheckOne(string model, string property)
    {
        string spec = _ws.Spec("edge.verify.json", model, property);
        return Assert.Single(_checker.Check([spec], _ws.Options with { UseCache = false }));
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("1")]
    [InlineData("2")]
    public void Invertibility_at_most_zero_fails_on_a_map_to_fewer_outputs_with_a_real_pair(string norm)
    {
        // cartpole maps 4 inputs to 2 outputs: it cannot be one-to-one.
        var r = CheckOne(CartPole, Property("one-to-one", "invertibility", norm, 0));

        Assert.Equal(Outcome.Failed, r.Outcome);
        Assert.Equal(CheckCodes.Violated, r.Diagnostic!.Code);
        var w = Assert.IsType<Witness>(r.Witness);
        var p = NormKindExtensions.All.Single(k => k.Label() == norm);
        double distance = VectorNorm.Norm(w.X.Select((x, i) => x - w.Y[i]).ToArray(), p);
        Assert.True(distance > Resolution.Floor, $"the pair is {distance} apart");
        Assert.Equal(r.Lower!.Value, distance, 9);
        Assert.Contains("resolution", r.Message);
        using var onnx = new OnnxRuntimeModel(CartPole);
        var fx = onnx.Evaluate(w.X);
        var fy = onnx.Evaluate(w.Y);
        Assert.All(fx.Zip(fy), o => Assert.True(Math.Abs(o.First - o.Second) <= 1e-4 * (1 + Math.Abs(o.First)), $"outputs {o.First} and {o.Second}"));
    }

    [Theory]
    [InlineData("inf", 0.0)]
    [InlineData("1", 0.0)]
    [InlineData("2", 0.0)]
    [InlineData("2", 1e-6)]
    public void Invertibility_at_or_near_zero_passes_on_a_residual_map_that_is_one_to_one(string norm, double atMost)
    {
        // Reflected, so that the contraction proof does not apply and the two-copy MIP's resolution is what is tested.
        string model = EdgeModels.ReflectedResidualMap(_ws.Root);
        var r = CheckOne(model, Property("one-to-one", "invertibility", norm, atMost));

        Assert.True(r.Outcome == Outcome.Passed, r.Message + string.Join("\n", r.Notes));
        Assert.Null(r.Witness);
        Assert.Equal(0, r.Lower);
        // The box [-1, 1]^3 has diameter 2 (inf), 6 (l1), 2·√3 (l2): the resolution is 1e-6 of it.
        double diameter = norm switch { "inf" => 2, "1" => 6, _ => 2 * Math.Sqrt(3) };
        Assert.InRange(r.Upper!.Value, 0, Math.Max(atMost, 1e-6 * diameter));
        Assert.Contains("passed at the engine's resolution", r.Message);
        Assert.DoesNotContain("witness", r.Message);
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("1")]
    [InlineData("2")]
    public void Lipschitz_at_most_zero_passes_on_a_constant_network_and_shows_no_witness(string norm)
    {
        string model = EdgeModels.DeadNetwork(_ws.Root);
        var r = CheckOne(model, Property("constant", "lipschitz", norm, 0));

        Assert.Equal(Outcome.Passed, r.Outcome);
        Assert.Null(r.Witness);
        Assert.InRange(r.Upper!.Value, 0, Resolution.Floor);
        Assert.Contains($"at the engine's resolution {ResultText.Number(Resolution.Floor)}", r.Message);
    }

    [Fact]
    public void Lipschitz_at_most_zero_fails_with_a_witness_on_a_network_that_is_not_constant()
    {
        var r = CheckOne(CheckWorkspace.Iris, Property("constant", "lipschitz", "2", 0, "{ \"lower\": 0, \"upper\": 1 }"));

        Assert.Equal(Outcome.Failed, r.Outcome);
        var w = Assert.IsType<Witness>(r.Witness);
        Assert.True(w.IsPair);
        Assert.True(w.Ratio > 1);
    }

    /// <summary>L_{2,2} is about 1e-5, so L² is about 1e-10: unscaled, both thresholds below sit under
    /// SCIP's precision and end undecided at once.</summary>
    [Theory]
    [InlineData(1.2, Outcome.Passed)]
    [InlineData(0.8, Outcome.Failed)]
    public void A_p_2_threshold_below_the_square_root_of_the_solver_precision_is_decided(double factor, Outcome expected)
    {
        string model = EdgeModels.TinyGainNetwork(_ws.Root);
        var network = OnnxImporter.Load(model).Network;
        double[] lo = [-1, -1], hi = [1, 1];
        double exact = LipschitzOracle.Compute(network, lo, hi, NormKind.Two, NormKind.Two).Value;
        Assert.InRange(exact, 1e-7, 1e-4);

        var r = CheckOne(model, Property("tiny-gain", "lipschitz", "2", factor * exact));

        Assert.Equal(expected, r.Outcome);
        Assert.True(r.Lower <= exact * (1 + 1e-6), $"lower {r.Lower} above the exact {exact}");
        Assert.True(r.Upper >= exact * (1 - 1e-6), $"upper {r.Upper} below the exact {exact}");
        if (expected == Outcome.Failed) Assert.Equal(CheckCodes.Violated, r.Diagnostic!.Code);
        Assert.DoesNotContain("resolution", r.Message);
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("1")]
    [InlineData("2")]
    public void Invertibility_zero_on_a_contractive_residual_map_is_exact_and_names_the_contraction_proof(string norm)
    {
        string model = EdgeModels.ResidualMap(_ws.Root);
        var r = CheckOne(model, Property("one-to-one", "invertibility", norm, 0));

        Assert.Equal(Outcome.Passed, r.Outcome);
        Assert.Equal((0.0, 0.0), (r.Lower, r.Upper));
        Assert.Null(r.Witness);
        Assert.Contains(r.Notes, n => n.StartsWith(Problems.Invertibility.ContractionProof.NotePrefix) && n.EndsWith("f is one-to-one on the box, D = 0"));
    }

    [Fact]
    public void Invertibility_with_a_tiny_l2_threshold_is_decided_by_the_linear_surrogate()
    {
        // D_2 ≤ √3·D_inf: a tiny l2 threshold on the one-to-one residual map is proven without the squared objective.
        string model = EdgeModels.ReflectedResidualMap(_ws.Root);
        var r = CheckOne(model, Property("one-to-one", "invertibility", "2", 1e-3));

        Assert.Equal(Outcome.Passed, r.Outcome);
        Assert.True(r.Upper <= 1e-3);
        Assert.DoesNotContain(r.Notes, n => n.Contains("surrogate"));
    }
}
