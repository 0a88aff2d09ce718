using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>Kind robustness in property files: each condition form read and sized to the model, and one test per
/// diagnostic at its token. Layout of <see cref="SpecFixture.OneProperty"/>: property brace (4,5), fields from (7,7).</summary>
public class RobustnessSpecTests
{
    private static PropertySpec Only(string json)
    {
        var (file, diagnostics) = Load(json);
        Assert.Empty(diagnostics);
        return Assert.Single(file!.Properties);
    }

    private static ResolvedProperty Resolved(PropertySpec spec, int inputs, int outputs)
    {
        var (property, diagnostics) = SpecValidator.Resolve(spec, inputs, outputs);
        Assert.Empty(diagnostics);
        return property!;
    }

    [Fact]
    public void A_label_is_a_strict_clause_against_every_other_output_with_threshold_at_least_zero()
    {
        var spec = Only(OneProperty("robustness", Box2, "\"label\": 1"));
        Assert.Equal(new Threshold(ThresholdDirection.AtLeast, 0), spec.Threshold);
        var resolved = Resolved(spec, 2, 3);
        var c = Assert.Single(resolved.Cases!);
        Assert.Equal([0.0, 0.0], c.Lower);
        Assert.Equal([1.0, 1.0], c.Upper);
        Assert.Equal(2, c.Condition.Clauses.Count);
        Assert.True(c.Condition.Strict);
        Assert.Equal(0.5, c.Condition.Margin([1.0, 1.5, 0.5]));  // y1 − max(y0, y2)
        Assert.False(c.Condition.Holds([1.5, 1.5, 0.0]));         // a tie is not a strict maximum
    }

    [Fact]
    public void Output_bounds_take_a_scalar_for_every_output_and_nulls_for_free_ones()
    {
        var spec = Only(OneProperty("robustness", Box2, "\"outputs\": { \"lower\": -1, \"upper\": [2, null, 3] }"));
        var condition = Assert.Single(Resolved(spec, 2, 3).Cases!).Condition;
        Assert.Equal(5, condition.Clauses.Count);  // three lower bounds, two upper bounds
        Assert.False(condition.Strict);
        Assert.Equal(0, condition.Margin([2, 100, -1]));
        Assert.True(condition.Holds([2, 100, -1]));
        Assert.Equal(-0.5, condition.Margin([2.5, 0, 0]));
    }

    [Fact]
    public void Constraints_are_all_of_constraints_and_any_groups()
    {
        var spec = Only(OneProperty("robustness", Box2,
            """" "constraints": { "all": [ { "coefficients": [1, 0], "atMost": 1 }, { "any": [ { "coefficients": [0, 1], "atMost": 0 }, { "coefficients": [0, -1], "atMost": -2 } ] } ] }""""));
        var condition = Assert.Single(Resolved(spec, 2, 2).Cases!).Condition;
        Assert.Equal([1, 2], condition.Clauses.Select(c => c.Atoms.Count));
        Assert.True(condition.Holds([0, 3]));    // y1 >= 2 meets the 'any'
        Assert.False(condition.Holds([0, 1]));   // neither y1 <= 0 nor y1 >= 2
        Assert.Equal(-1, condition.Margin([0, 1]));
    }

    [Fact]
    public void An_array_of_constraints_must_all_hold()
    {
        var spec = Only(OneProperty("robustness", Box2,
            """" "constraints": [ { "coefficients": [1, -1], "atMost": 0 }, { "coefficients": [0, 1], "atMost": 4 } ]""""));
        var condition = Assert.Single(Resolved(spec, 2, 2).Cases!).Condition;
        Assert.Equal([1, 1], condition.Clauses.Select(c => c.Atoms.Count));
    }

    [Fact]
    public void A_margin_threshold_is_at_least()
    {
        var spec = Only(OneProperty("robustness", Box2, "\"label\": 0", "\"atLeast\": 0.25"));
        Assert.Equal(new Threshold(ThresholdDirection.AtLeast, 0.25), spec.Threshold);
    }

    [Fact]
    public void No_condition_is_an_error_at_the_property() =>
        Assert.Contains("needs a condition", OneError(OneProperty("robustness", Box2), SpecErrorCodes.ConditionCount, 4, 5).Message);

    [Fact]
    public void Two_conditions_are_an_error_at_the_second() =>
        Assert.Contains("'label' and 'outputs'",
            OneError(OneProperty("robustness", Box2, "\"label\": 0", "\"outputs\": { \"lower\": 0 }"), SpecErrorCodes.ConditionCount, 9, 7).Message);

    [Fact]
    public void A_robustness_property_needs_a_domain() =>
        OneError(OneProperty("robustness", "\"label\": 0"), SpecErrorCodes.MissingField, 4, 5);

    [Fact]
    public void At_most_is_refused_for_a_margin() =>
        OneError(OneProperty("robustness", Box2, "\"label\": 0", "\"atMost\": 1"), SpecErrorCodes.ThresholdNotForKind, 9, 7);

    [Fact]
    public void A_label_is_not_a_field_of_other_kinds() =>
        Assert.Contains("robustness", OneError(OneProperty("lipschitz", Box2, "\"atMost\": 1", "\"label\": 0"), SpecErrorCodes.FieldNotForKind, 9, 7).Message);

    [Fact]
    public void An_any_group_holds_constraints_only() =>
        OneError(OneProperty("robustness", Box2, """" "constraints": { "any": [ { "all": [] } ] }""""), SpecErrorCodes.InvalidValue, 8, 34);

    [Fact]
    public void A_constraint_needs_coefficients_and_at_most() =>
        Assert.Contains("'constraints[0]' needs", OneError(OneProperty("robustness", Box2, """" "constraints": [ { "atMost": 1 } ]""""),
            SpecErrorCodes.MissingField, 8, 25).Message);

    [Fact]
    public void A_label_beyond_the_outputs_is_reported_at_its_value()
    {
        var spec = Only(OneProperty("robustness", Box2, "\"label\": 5"));
        var d = Single(SpecValidator.Validate(spec, 2, 3), SpecErrorCodes.OutputIndexOutOfRange);
        AssertAt(d, 8, 16);
        Assert.Contains("3 outputs", d.Message);
    }

    [Fact]
    public void Coefficients_of_another_length_than_the_outputs_are_reported_at_them()
    {
        var spec = Only(OneProperty("robustness", Box2, """" "constraints": [ { "coefficients": [1, 0, 0], "atMost": 1 } ]""""));
        var d = Single(SpecValidator.Validate(spec, 2, 2), SpecErrorCodes.ConditionSizeMismatch);
        AssertAt(d, 8, 43);
        Assert.Contains("'constraints[0].coefficients' has 3 values but the model has 2 outputs", d.Message);
    }

    [Fact]
    public void Output_bounds_of_another_length_than_the_outputs_are_reported()
    {
        var spec = Only(OneProperty("robustness", Box2, "\"outputs\": { \"upper\": [1, 2] }"));
        Assert.Contains("'outputs.upper' has 2 values but the model has 3 outputs",
            Single(SpecValidator.Validate(spec, 2, 3), SpecErrorCodes.ConditionSizeMismatch).Message);
    }
}
