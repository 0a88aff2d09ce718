using VerifyGate.Core.Norms;
using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

public class SpecLoaderTests
{
    [Fact]
    public void Loads_the_spec_format_example()
    {
        var (file, diagnostics) = Load(SpecExamples.SpecFormatExample, "acas.verify.json", "acas_1_1.onnx");
        Assert.Empty(diagnostics);
        Assert.NotNull(file);
        Assert.EndsWith("acas_1_1.onnx", file.ModelPath);
        Assert.True(Path.IsPathRooted(file.ModelPath));
        Assert.Equal(new SourcePosition(2, 12), file.ModelPosition);
        Assert.False(file.ModelDefaulted);

        var p = Assert.Single(file.Properties);
        Assert.Equal("lipschitz-linf-near-head-on", p.Name);
        Assert.Equal(PropertyKind.Lipschitz, p.Kind);
        Assert.Equal(new SourcePosition(5, 5), p.Position);
        Assert.Equal([0.6, -0.5, -0.5, 0.45, -0.5], p.Domain!.Lower.Values!);
        Assert.Equal([0.68, 0.5, 0.5, 0.5, -0.45], p.Domain.Upper.Values!);
        Assert.Equal(NormKind.Inf, p.InputNorm);
        Assert.Equal(NormKind.Inf, p.OutputNorm);
        Assert.Equal([0, 1], p.Outputs!);
        Assert.Equal(new Threshold(ThresholdDirection.AtMost, 40.0), p.Threshold);
        Assert.Equal(120, p.TimeLimitSeconds);
        Assert.Equal(InconclusivePolicy.Fail, p.OnInconclusive);
        Assert.Equal(SolverChoice.Scip, p.Solver);
        // positions: the inherited time limit points into defaults; elements are kept
        Assert.Equal(new SourcePosition(3, 37), p.Positions.Of("timeLimitSeconds"));
        Assert.Equal(new SourcePosition(12, 17), p.Positions.Of("atMost"));
        Assert.Equal(new SourcePosition(11, 22), p.Positions.Of("outputs[1]"));
        Assert.Equal(new SourcePosition(8, 34), p.Positions.Of("domain.lower[1]"));
    }

    [Fact]
    public void Loads_every_kind_with_all_fields()
    {
        var (file, diagnostics) = Load(SpecExamples.AllKinds, "net.verify.json", "net.onnx", "ref.onnx");
        Assert.Empty(diagnostics);
        var byName = file!.Properties.ToDictionary(p => p.Name);
        Assert.Equal(["lip-l2", "inv", "inv-radius", "preimage", "preimage-l2", "match"], file.Properties.Select(p => p.Name));

        var lip = byName["lip-l2"];
        Assert.Equal(PropertyKind.Lipschitz, lip.Kind);
        Assert.Equal(NormKind.Two, lip.InputNorm);  // from norm: 2
        Assert.Equal(NormKind.One, lip.OutputNorm); // outputNorm wins over norm
        Assert.Equal([1], lip.Outputs!);
        Assert.Equal(12.5, lip.Threshold.Value);
        Assert.Equal(30, lip.TimeLimitSeconds);
        Assert.Equal(InconclusivePolicy.Warn, lip.OnInconclusive);
        Assert.Equal(SolverChoice.Gurobi, lip.Solver);
        Assert.Equal([0, -1, 2], lip.Domain!.Lower.Values!);

        var inv = byName["inv"];
        Assert.Equal(PropertyKind.Invertibility, inv.Kind);
        Assert.Equal(-2, inv.Domain!.Lower.Scalar);
        Assert.Equal(2, inv.Domain.Upper.Scalar);
        Assert.Null(inv.Domain.Length);
        Assert.Equal(NormKind.One, inv.InputNorm);
        Assert.Equal(NormKind.Inf, inv.OutputNorm);
        Assert.Equal(0.01, inv.OutputTolerance);
        Assert.Equal(new Threshold(ThresholdDirection.AtMost, 0), inv.Threshold);
        Assert.Equal(SolverChoice.Highs, inv.Solver);
        Assert.Null(inv.TimeLimitSeconds);
        Assert.Null(inv.Outputs);

        var radius = byName["inv-radius"];
        Assert.Equal(PropertyKind.InvertibilityRadius, radius.Kind);
        Assert.Null(radius.Domain);
        Assert.Equal([1.96433, 1.24951, 2.1], radius.Center!);
        Assert.Equal([2], radius.Fixed);
        Assert.Equal(3, radius.MaxRadius);
        Assert.Equal(0.001, radius.Separation);
        Assert.Equal(new Threshold(ThresholdDirection.AtLeast, 0.6), radius.Threshold);

        var preimage = byName["preimage"];
        Assert.Equal(PropertyKind.PreimageRadius, preimage.Kind);
        Assert.Equal(5e-4, preimage.Separation!.Value, 15); // default 1e-4 × maxRadius
        Assert.Equal(NormKind.Inf, preimage.InputNorm);
        Assert.Equal(NormKind.Two, byName["preimage-l2"].InputNorm);   // the radius kinds' ball norm is their own

        var match = byName["match"];
        Assert.Equal(PropertyKind.Matching, match.Kind);
        Assert.EndsWith("ref.onnx", match.ReferencePath);
        Assert.True(Path.IsPathRooted(match.ReferencePath));
        Assert.True(match.Domain!.FromCenter);
        Assert.Equal([-1, -0.5, 2.1], match.Domain.Lower.Values!);
        Assert.Equal([1, 0.5, 2.1], match.Domain.Upper.Values!);
        Assert.Equal(0.25, match.Threshold.Value);
    }

    [Theory]
    [InlineData("\"norm\": \"1\"", NormKind.One)]
    [InlineData("\"inputNorm\": \"2\"", NormKind.Two)]
    [InlineData("\"norm\": \"2\", \"inputNorm\": \"1\"", NormKind.One)]
    public void A_radius_kind_takes_its_ball_norm_from_its_own_fields(string norm, NormKind expected)
    {
        var (file, diagnostics) = Load(OneProperty("preimage-radius", "\"center\": [0, 0]", "\"maxRadius\": 1", "\"atLeast\": 0.5", norm));
        Assert.Empty(diagnostics);
        Assert.Equal(expected, file!.Properties[0].InputNorm);
    }

    [Fact]
    public void A_radius_kind_does_not_inherit_the_defaults_norm()
    {
        string json = """
            {
              "model": "net.onnx",
              "defaults": { "norm": "2" },
              "properties": [
                { "name": "lip", "kind": "lipschitz", "domain": { "lower": [0, 0], "upper": [1, 1] }, "atMost": 3 },
                { "name": "r", "kind": "invertibility-radius", "center": [0, 0], "maxRadius": 1, "atLeast": 0.5 }
              ]
            }
            """;
        var (file, diagnostics) = Load(json);
        Assert.Empty(diagnostics);
        Assert.Equal(NormKind.Two, file!.Properties[0].InputNorm);
        Assert.Equal(NormKind.Inf, file.Properties[1].InputNorm);
    }

    [Fact]
    public void Defaults_apply_and_a_property_value_wins()
    {
        var (file, diagnostics) = Load(SpecExamples.WithDefaults);
        Assert.Empty(diagnostics);
        var byName = file!.Properties.ToDictionary(p => p.Name);
        Assert.Equal(4, byName.Count);

        var inherits = byName["inherits"];
        Assert.Equal(PropertyKind.Lipschitz, inherits.Kind);
        Assert.Equal(NormKind.Two, inherits.InputNorm);
        Assert.Equal(NormKind.Inf, inherits.OutputNorm);
        Assert.Equal(60, inherits.TimeLimitSeconds);
        Assert.Equal(InconclusivePolicy.Warn, inherits.OnInconclusive);
        Assert.Equal(SolverChoice.Highs, inherits.Solver);
        Assert.Equal(new Threshold(ThresholdDirection.AtMost, 5), inherits.Threshold);
        Assert.Equal([0, 0], inherits.Domain!.Lower.Values!);
        Assert.Equal([1, 1], inherits.Domain.Upper.Values!);
        Assert.Equal(0, inherits.OutputTolerance); // not a lipschitz field: the default is not used
        Assert.Equal(new SourcePosition(6, 25), inherits.Positions.Of("timeLimitSeconds"));

        var overrides = byName["overrides"];
        Assert.Equal(NormKind.One, overrides.InputNorm);  // own norm beats the defaults' inputNorm
        Assert.Equal(NormKind.One, overrides.OutputNorm);
        Assert.Equal(10, overrides.TimeLimitSeconds);
        Assert.Equal(3, overrides.Threshold.Value);
        Assert.Equal(SolverChoice.Scip, overrides.Solver);
        Assert.Equal(InconclusivePolicy.Warn, overrides.OnInconclusive);
        Assert.Equal([2, 2], overrides.Domain!.Upper.Values!);

        var radius = byName["radius"];
        Assert.Equal(PropertyKind.PreimageRadius, radius.Kind);
        Assert.Equal(NormKind.Inf, radius.InputNorm); // inherited "2" does not apply to a ball kind
        Assert.Null(radius.Domain);
        Assert.Equal(new Threshold(ThresholdDirection.AtLeast, 0.1), radius.Threshold);

        var inv = byName["inv"];
        Assert.Equal(0.5, inv.OutputTolerance);
        Assert.Equal(PropertyKind.Invertibility, inv.Kind);
    }

    [Fact]
    public void Center_radius_domain_with_scalar_and_per_input_radius()
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", "\"domain\": { \"center\": [1, -1], \"radius\": 0.25 }", "\"atMost\": 1"));
        Assert.Empty(diagnostics);
        var domain = Assert.Single(file!.Properties).Domain!;
        Assert.Equal([0.75, -1.25], domain.Lower.Values!);
        Assert.Equal([1.25, -0.75], domain.Upper.Values!);

        (file, diagnostics) = Load(OneProperty("lipschitz", "\"domain\": { \"center\": [1, -1], \"radius\": [0, 2] }", "\"atMost\": 1"));
        Assert.Empty(diagnostics);
        domain = Assert.Single(file!.Properties).Domain!;
        Assert.Equal([1, -3], domain.Lower.Values!);
        Assert.Equal([1, 1], domain.Upper.Values!);
    }

    [Fact]
    public void A_bad_property_does_not_stop_the_others()
    {
        var json = """
            {
              "properties": [
                { "name": "good-1", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 },
                { "name": "bad", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": "x" },
                "not even an object",
                { "name": "good-2", "kind": "invertibility", "domain": { "lower": 0, "upper": 1 }, "atMost": 0 }
              ]
            }
            """;
        var (file, diagnostics) = Load(json);
        Assert.Equal(["good-1", "good-2"], file!.Properties.Select(p => p.Name));
        Assert.Equal(2, diagnostics.Count);
        AssertAt(diagnostics[0], 4, 91);
        Assert.Equal(SpecErrorCodes.WrongType, diagnostics[0].Code);
        AssertAt(diagnostics[1], 5, 5);
        Assert.Equal(SpecErrorCodes.WrongType, diagnostics[1].Code);
    }

    [Fact]
    public void A_bad_default_is_reported_once_for_all_properties()
    {
        var json = """
            {
              "defaults": { "timeLimitSeconds": -1 },
              "properties": [
                { "name": "a", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 },
                { "name": "b", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 }
              ]
            }
            """;
        var (file, diagnostics) = Load(json);
        AssertAt(Single(diagnostics, SpecErrorCodes.NonPositiveTimeLimit), 2, 37);
        Assert.Empty(file!.Properties);
    }

    [Fact]
    public void Model_defaults_to_the_file_name()
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", SpecFixture.Box2, "\"atMost\": 1").Replace("\"model\": \"net.onnx\",", ""),
            "acas_1_1.verify.json", "acas_1_1.onnx");
        Assert.Empty(diagnostics);
        Assert.True(file!.ModelDefaulted);
        Assert.Equal("acas_1_1.onnx", Path.GetFileName(file.ModelPath));
        Assert.Equal(SourcePosition.FileStart, file.ModelPosition);
    }

    [Theory]
    [InlineData("\"1\"", NormKind.One)]
    [InlineData("\"2\"", NormKind.Two)]
    [InlineData("\"inf\"", NormKind.Inf)]
    [InlineData("1", NormKind.One)]
    [InlineData("2.0", NormKind.Two)]
    public void Norm_spellings(string text, NormKind expected)
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", SpecFixture.Box2, "\"atMost\": 1", $"\"inputNorm\": {text}"));
        Assert.Empty(diagnostics);
        Assert.Equal(expected, Assert.Single(file!.Properties).InputNorm);
    }

    [Fact]
    public void Every_code_is_documented()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));
        Assert.True(SpecErrorCodes.All.Count >= 30);
        foreach (string code in SpecErrorCodes.All)
            Assert.Contains($"| {code} |", docs);
        Assert.Equal(SpecErrorCodes.All.Count, SpecErrorCodes.All.Distinct().Count());
    }
}
