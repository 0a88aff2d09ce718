using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>One test per loader diagnostic: code, line and column of the offending token.
/// Layout of <see cref="SpecFixture.OneProperty"/>: property brace (4,5), name value (5,15),
/// kind value (6,15), then one field a line from (7,7).</summary>
public class SpecLoaderDiagnosticTests
{
    private const string Box = Box2; // on line 7 when first: its "lower" array starts at column 28

    [Fact]
    public void Malformed_json_points_at_the_bad_token()
    {
        var (file, diagnostics) = Load("{\n  \"model\": \"net.onnx\",\n  \"properties\": [ 1 2 ]\n}");
        Assert.Null(file);
        AssertAt(Single(diagnostics, SpecErrorCodes.MalformedJson), 3, 21);
    }

    [Fact]
    public void Truncated_json_is_malformed()
    {
        var (file, diagnostics) = Load("{\n  \"properties\": [\n");
        Assert.Null(file);
        Assert.Equal(SpecErrorCodes.MalformedJson, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Empty_file_is_malformed()
    {
        var (_, diagnostics) = Load("");
        AssertAt(Single(diagnostics, SpecErrorCodes.MalformedJson), 1, 1);
    }

    [Fact]
    public void Root_must_be_an_object()
    {
        var (file, diagnostics) = Load("\n  [1, 2]");
        Assert.Null(file);
        AssertAt(Single(diagnostics, SpecErrorCodes.RootNotObject), 2, 3);
    }

    [Fact]
    public void Properties_must_be_an_array()
    {
        var (file, diagnostics) = Load("""{ "properties": { } }""");
        Assert.NotNull(file);
        Assert.Empty(file.Properties);
        AssertAt(Single(diagnostics, SpecErrorCodes.PropertiesNotArray), 1, 17);
    }

    [Fact]
    public void Unknown_kind_lists_the_known_ones()
    {
        var d = OneError(OneProperty("lipschitzz", Box, "\"atMost\": 1"), SpecErrorCodes.UnknownKind, 6, 15);
        foreach (var (name, _) in PropertyKinds.All) Assert.Contains(name, d.Message);
    }

    [Fact]
    public void Missing_name_points_at_the_property()
    {
        var json = """
            {
              "properties": [
                { "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 }
              ]
            }
            """;
        var d = OneError(json, SpecErrorCodes.MissingField, 3, 5);
        Assert.Contains("'name'", d.Message);
    }

    [Fact]
    public void Missing_domain_and_missing_max_radius_are_missing_fields()
    {
        Assert.Contains("'domain'", OneError(OneProperty("lipschitz", "\"atMost\": 1"), SpecErrorCodes.MissingField, 4, 5).Message);
        Assert.Contains("'maxRadius'", OneError(OneProperty("preimage-radius", "\"center\": [0]", "\"atLeast\": 1"),
            SpecErrorCodes.MissingField, 4, 5).Message);
    }

    [Fact]
    public void Missing_domain_side_points_at_the_domain()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, 0] }", "\"atMost\": 1"), SpecErrorCodes.MissingField, 7, 17);
        Assert.Contains("'upper'", d.Message);
    }

    [Fact]
    public void Mistyped_field_names_the_field_and_the_expected_type()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atMost\": \"forty\""), SpecErrorCodes.WrongType, 8, 17);
        Assert.Contains("'atMost' must be a number", d.Message);
        Assert.Contains("\"forty\"", d.Message);
    }

    [Fact]
    public void Mistyped_array_element_points_at_the_element()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, true], \"upper\": [1, 1] }", "\"atMost\": 1"),
            SpecErrorCodes.WrongType, 7, 32);
        Assert.Contains("'domain.lower[1]'", d.Message);
    }

    [Fact]
    public void Unknown_field_suggests_the_closest_known_one()
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", Box, "\"atmost\": 40"));
        Assert.Empty(file!.Properties);
        var unknown = Assert.Single(diagnostics, d => d.Code == SpecErrorCodes.UnknownField);
        AssertAt(unknown, 8, 7);
        Assert.Contains("did you mean 'atMost'", unknown.Message);
        // and the property has no threshold as a result
        AssertAt(Assert.Single(diagnostics, d => d.Code == SpecErrorCodes.ThresholdCount), 4, 5);
        Assert.Equal(2, diagnostics.Count);
    }

    [Fact]
    public void Unknown_field_with_an_edit_typo_is_suggested()
    {
        var (_, diagnostics) = Load(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"timeLimitSecond\": 5"));
        var d = Single(diagnostics, SpecErrorCodes.UnknownField);
        AssertAt(d, 9, 7);
        Assert.Contains("did you mean 'timeLimitSeconds'", d.Message);
    }

    [Fact]
    public void Unknown_norm_is_reported_for_strings_and_numbers()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"inputNorm\": \"3\"", "\"atMost\": 1"), SpecErrorCodes.UnknownNorm, 8, 20);
        Assert.Contains("\"inf\"", d.Message);
        OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"norm\": 3"), SpecErrorCodes.UnknownNorm, 9, 15);
    }

    [Fact]
    public void Lower_above_upper_names_the_index()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, 1], \"upper\": [1, 0.5] }", "\"atMost\": 1"),
            SpecErrorCodes.LowerAboveUpper, 7, 32);
        Assert.Contains("domain.lower[1] = 1", d.Message);
        Assert.Contains("domain.upper[1] = 0.5", d.Message);
    }

    [Fact]
    public void Scalar_lower_above_upper_points_at_the_scalar()
    {
        OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": 2, \"upper\": 1 }", "\"atMost\": 1"),
            SpecErrorCodes.LowerAboveUpper, 7, 28);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-inf\"")]
    [InlineData("1e999")]
    [InlineData("-1e400")]
    public void Non_finite_numbers_are_refused(string value)
    {
        OneError(OneProperty("lipschitz", Box, $"\"atMost\": {value}"), SpecErrorCodes.NonFiniteNumber, 8, 17);
    }

    [Fact]
    public void Non_finite_array_element_points_at_the_element()
    {
        OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, \"NaN\"], \"upper\": [1, 1] }", "\"atMost\": 1"),
            SpecErrorCodes.NonFiniteNumber, 7, 32);
    }

    [Fact]
    public void Negative_domain_radius_and_max_radius_are_refused()
    {
        OneError(OneProperty("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": -0.1 }", "\"atMost\": 1"),
            SpecErrorCodes.NegativeRadius, 7, 47);
        OneError(OneProperty("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": [1, -2] }", "\"atMost\": 1"),
            SpecErrorCodes.NegativeRadius, 7, 51);
        OneError(OneProperty("invertibility-radius", "\"center\": [0, 0]", "\"maxRadius\": -1", "\"atLeast\": 0.1"),
            SpecErrorCodes.NegativeRadius, 8, 20);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    public void Time_limit_must_be_positive(string value)
    {
        OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", $"\"timeLimitSeconds\": {value}"), SpecErrorCodes.NonPositiveTimeLimit, 9, 27);
    }

    [Fact]
    public void Duplicate_names_point_at_the_second_and_keep_the_first()
    {
        var json = """
            {
              "properties": [
                { "name": "a", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 },
                { "name": "a", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 }, "atMost": 2 }
              ]
            }
            """;
        var (file, diagnostics) = Load(json);
        AssertAt(Single(diagnostics, SpecErrorCodes.DuplicateName), 4, 15);
        var kept = Assert.Single(file!.Properties);
        Assert.Equal(1, kept.Threshold.Value);
    }

    [Fact]
    public void Missing_model_points_at_the_model_token()
    {
        var (file, diagnostics) = Load("{\n  \"model\": \"missing.onnx\",\n  \"properties\": []\n}");
        var error = Assert.Single(diagnostics, d => !d.IsWarning);
        Assert.Equal(SpecErrorCodes.ModelNotFound, error.Code);
        AssertAt(error, 2, 12);
        Assert.Contains("missing.onnx", error.Message);
        Assert.NotNull(file);
    }

    [Fact]
    public void Missing_default_model_points_at_the_file_start()
    {
        var (file, diagnostics) = Load("""{ "properties": [] }""", fileName: "abc.verify.json");
        var error = Assert.Single(diagnostics, d => !d.IsWarning);
        Assert.Equal(SpecErrorCodes.ModelNotFound, error.Code);
        AssertAt(error, 1, 1);
        Assert.Contains("abc.onnx", error.Message);
        Assert.True(file!.ModelDefaulted);
        Assert.EndsWith("abc.onnx", file.ModelPath);
    }

    [Fact]
    public void Both_thresholds_point_at_the_second()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"atLeast\": 0"), SpecErrorCodes.ThresholdCount, 9, 7);
        Assert.Contains("not both", d.Message);
    }

    [Fact]
    public void No_threshold_points_at_the_property()
    {
        var d = OneError(OneProperty("lipschitz", Box), SpecErrorCodes.ThresholdCount, 4, 5);
        Assert.Contains("'atMost'", d.Message);
    }

    [Fact]
    public void Radius_kind_without_center()
    {
        OneError(OneProperty("preimage-radius", "\"maxRadius\": 1", "\"atLeast\": 0.5"), SpecErrorCodes.MissingCenter, 4, 5);
    }

    [Fact]
    public void Matching_without_reference()
    {
        OneError(OneProperty("matching", Box, "\"atMost\": 0"), SpecErrorCodes.MissingReference, 4, 5);
    }

    [Fact]
    public void Matching_with_a_missing_reference_file()
    {
        var d = OneError(OneProperty("matching", Box, "\"atMost\": 0", "\"reference\": \"ref.onnx\""), SpecErrorCodes.ReferenceNotFound, 9, 20);
        Assert.Contains("ref.onnx", d.Message);
    }

    [Fact]
    public void Repeated_field_points_at_the_repeat()
    {
        OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"atMost\": 2"), SpecErrorCodes.DuplicateField, 9, 7);
    }

    [Fact]
    public void Unknown_solver_lists_the_choices()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"solver\": \"cplex\""), SpecErrorCodes.InvalidValue, 9, 17);
        Assert.Contains("\"scip\", \"highs\", \"gurobi\"", d.Message);
    }

    [Fact]
    public void Lower_and_upper_of_different_lengths()
    {
        OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, 0], \"upper\": [1, 1, 1] }", "\"atMost\": 1"),
            SpecErrorCodes.LengthMismatch, 7, 45);
    }

    [Fact]
    public void Threshold_of_the_wrong_direction_for_the_kind()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atLeast\": 1"), SpecErrorCodes.ThresholdNotForKind, 8, 7);
        Assert.Contains("'atMost'", d.Message);
        OneError(OneProperty("preimage-radius", "\"center\": [0]", "\"maxRadius\": 1", "\"atMost\": 1"),
            SpecErrorCodes.ThresholdNotForKind, 9, 7);
    }

    [Fact]
    public void Field_of_another_kind_is_refused()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atMost\": 1", "\"center\": [0, 0]"), SpecErrorCodes.FieldNotForKind, 9, 7);
        Assert.Contains("invertibility-radius", d.Message);
    }

    [Fact]
    public void Negative_output_tolerance_is_refused()
    {
        OneError(OneProperty("invertibility", Box, "\"atMost\": 0", "\"outputTolerance\": -1"), SpecErrorCodes.NegativeValue, 9, 26);
    }

    [Fact]
    public void Empty_properties_is_a_warning()
    {
        var (file, diagnostics) = Load("""{ "properties": [] }""");
        var d = Assert.Single(diagnostics);
        Assert.Equal(SpecErrorCodes.NoProperties, d.Code);
        Assert.True(d.IsWarning);
        AssertAt(d, 1, 17);
        Assert.NotNull(file);
    }

    [Fact]
    public void Unreadable_file_is_reported_without_position()
    {
        string path = Path.Combine(Path.GetTempPath(), "verifygate-spec-tests", "does-not-exist.verify.json");
        var (file, diagnostics) = SpecLoader.Load(path);
        Assert.Null(file);
        var d = Single(diagnostics, SpecErrorCodes.FileUnreadable);
        Assert.Equal(0, d.Line);
        Assert.StartsWith(path + ": error VG1000:", d.ToString());
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // ü and € are 2 and 3 UTF-8 bytes but one character each; the emoji is a surrogate pair (2 characters).
        var json = """
            {
              "properties": [
                { "name": "ü€😀", "atMost": "x", "kind": "lipschitz", "domain": { "lower": 0, "upper": 1 } }
              ]
            }
            """;
        OneError(json, SpecErrorCodes.WrongType, 3, 33);
    }

    [Fact]
    public void Crlf_line_endings_and_comments_keep_positions()
    {
        var json = OneProperty("lipschitz", "// the box\n      " + Box, "\"atMost\": \"forty\"").Replace("\n", "\r\n");
        OneError(json, SpecErrorCodes.WrongType, 9, 17);
    }

    [Fact]
    public void Canonical_line_has_file_position_code_and_message()
    {
        var d = OneError(OneProperty("lipschitz", Box, "\"atMost\": \"forty\""), SpecErrorCodes.WrongType, 8, 17);
        Assert.Matches(@"net\.verify\.json\(8,17\): error VG1006: 'atMost' must be a number", d.ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Invalid_examples_report_their_code(string json, string code)
    {
        var (_, diagnostics) = Load(json);
        Assert.Contains(diagnostics, d => d.Code == code && !d.IsWarning);
    }

    public static TheoryData<string, string> InvalidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (json, code) in SpecExamples.Invalid) data.Add(json, code);
        return data;
    }
}
