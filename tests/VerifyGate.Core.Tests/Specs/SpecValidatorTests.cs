using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

public class SpecValidatorTests
{
    private static PropertySpec LoadOne(params string[] fieldsAndKind)
    {
        var (file, diagnostics) = Load(OneProperty(fieldsAndKind[0], fieldsAndKind[1..]));
        Assert.Empty(diagnostics);
        return Assert.Single(file!.Properties);
    }

    [Fact]
    public void Domain_length_must_match_the_input_size()
    {
        var p = LoadOne("lipschitz", Box2, "\"atMost\": 1");
        var d = Single(SpecValidator.Validate(p, inputSize: 3, outputSize: 1), SpecErrorCodes.DomainSizeMismatch);
        AssertAt(d, 7, 28);
        Assert.Contains("'domain.lower' has 2 values but the model takes 3 inputs", d.Message);
        Assert.Empty(SpecValidator.Validate(p, 2, 1));
    }

    [Fact]
    public void Center_form_domain_points_at_the_center()
    {
        var p = LoadOne("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": 1 }", "\"atMost\": 1");
        AssertAt(Single(SpecValidator.Validate(p, 5, 1), SpecErrorCodes.DomainSizeMismatch), 7, 29);
    }

    [Fact]
    public void Scalar_bounds_are_broadcast_to_the_input_size()
    {
        var p = LoadOne("lipschitz", "\"domain\": { \"lower\": -1, \"upper\": [1, 2, 3] }", "\"atMost\": 1");
        var (resolved, diagnostics) = SpecValidator.Resolve(p, 3, 2);
        Assert.Empty(diagnostics);
        Assert.Equal([-1, -1, -1], resolved!.Lower);
        Assert.Equal([1, 2, 3], resolved.Upper);
        Assert.Equal([0, 1], resolved.Outputs);
        Assert.Empty(resolved.FixedInputs);

        var both = LoadOne("lipschitz", "\"domain\": { \"lower\": 0, \"upper\": 1 }", "\"atMost\": 1");
        Assert.Equal(7, SpecValidator.Resolve(both, 7, 1).Property!.Lower.Count);
    }

    [Fact]
    public void Scalar_lower_above_a_per_input_upper_is_caught_at_load()
    {
        var (_, diagnostics) = Load(OneProperty("lipschitz", "\"domain\": { \"lower\": 2, \"upper\": [3, 1] }", "\"atMost\": 1"));
        var d = Single(diagnostics, SpecErrorCodes.LowerAboveUpper);
        AssertAt(d, 7, 28);
        Assert.Contains("input 1", d.Message);
    }

    [Fact]
    public void Output_index_out_of_range_points_at_the_index()
    {
        var p = LoadOne("lipschitz", Box2, "\"atMost\": 1", "\"outputs\": [0, 5]");
        var d = Single(SpecValidator.Validate(p, 2, 5), SpecErrorCodes.OutputIndexOutOfRange);
        AssertAt(d, 9, 22);
        Assert.Contains("5 outputs", d.Message);
        Assert.Equal([0, 5], SpecValidator.Resolve(p, 2, 6).Property!.Outputs);
    }

    [Fact]
    public void Fixed_index_out_of_range_points_at_the_index()
    {
        var p = LoadOne("invertibility-radius", "\"center\": [1, 2, 2.1]", "\"fixed\": [2, 3]", "\"maxRadius\": 1", "\"atLeast\": 0.5");
        AssertAt(Single(SpecValidator.Validate(p, 3, 2), SpecErrorCodes.FixedIndexOutOfRange), 8, 20);
    }

    [Fact]
    public void Radius_kind_resolves_to_the_outer_box_with_fixed_inputs_pinned()
    {
        var p = LoadOne("preimage-radius", "\"center\": [1, 2, 2.1]", "\"fixed\": [2]", "\"maxRadius\": 1", "\"atLeast\": 0.5");
        var (resolved, diagnostics) = SpecValidator.Resolve(p, 3, 2);
        Assert.Empty(diagnostics);
        Assert.Equal([0, 1, 2.1], resolved!.Lower);
        Assert.Equal([2, 3, 2.1], resolved.Upper);
        Assert.Equal([2], resolved.FixedInputs);
    }

    [Fact]
    public void Center_length_must_match_the_input_size()
    {
        var p = LoadOne("invertibility-radius", "\"center\": [1, 2]", "\"maxRadius\": 1", "\"atLeast\": 0.5");
        var d = Single(SpecValidator.Validate(p, 3, 2), SpecErrorCodes.CenterSizeMismatch);
        AssertAt(d, 7, 17);
        Assert.Contains("2 values but the model takes 3 inputs", d.Message);
    }

    [Fact]
    public void Nothing_to_vary_is_an_error()
    {
        var p = LoadOne("invertibility-radius", "\"center\": [1]", "\"fixed\": [0]", "\"maxRadius\": 1", "\"atLeast\": 0.5");
        AssertAt(Single(SpecValidator.Validate(p, 1, 1), SpecErrorCodes.NoFreeInput), 8, 16);

        var box = LoadOne("lipschitz", "\"domain\": { \"lower\": [1, 2], \"upper\": [1, 2] }", "\"atMost\": 1");
        AssertAt(Single(SpecValidator.Validate(box, 2, 1), SpecErrorCodes.NoFreeInput), 7, 17);
    }

    [Fact]
    public void Box_inputs_with_equal_bounds_are_fixed()
    {
        var p = LoadOne("lipschitz", "\"domain\": { \"lower\": [0, 2.1], \"upper\": [1, 2.1] }", "\"atMost\": 1");
        Assert.Equal([1], SpecValidator.Resolve(p, 2, 1).Property!.FixedInputs);
    }
}
