using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>VG1030: values beyond ±1e6 in the fields that set the solver's magnitudes, at their tokens
/// (layout of <see cref="SpecFixture.OneProperty"/>: fields from line 7, column 7).</summary>
public class MagnitudeDiagnosticTests
{
    [Fact]
    public void A_huge_scalar_domain_bound_is_reported_at_its_value()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": -1e300, \"upper\": 1 }", "\"atMost\": 1"),
            SpecErrorCodes.MagnitudeTooLarge, 7, 28);
        Assert.Contains("'domain.lower'", d.Message);
        Assert.Contains("-1E+300", d.Message);
    }

    [Fact]
    public void A_huge_element_of_domain_upper_is_reported_at_the_element()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"lower\": [0, 0], \"upper\": [1, 2e6] }", "\"atMost\": 1"),
            SpecErrorCodes.MagnitudeTooLarge, 7, 49);
        Assert.Contains("'domain.upper[1]'", d.Message);
    }

    [Fact]
    public void A_huge_domain_radius_is_reported()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": 1e7 }", "\"atMost\": 1"),
            SpecErrorCodes.MagnitudeTooLarge, 7, 47);
        Assert.Contains("'domain.radius'", d.Message);
    }

    [Fact]
    public void A_huge_domain_center_is_reported()
    {
        var d = OneError(OneProperty("lipschitz", "\"domain\": { \"center\": [0, -5e6], \"radius\": 1 }", "\"atMost\": 1"),
            SpecErrorCodes.MagnitudeTooLarge, 7, 33);
        Assert.Contains("'domain.center[1]'", d.Message);
    }

    [Fact]
    public void A_huge_center_of_a_radius_kind_is_reported()
    {
        var d = OneError(OneProperty("invertibility-radius", "\"center\": [0, 3e6]", "\"maxRadius\": 1", "\"atLeast\": 0.1"),
            SpecErrorCodes.MagnitudeTooLarge, 7, 21);
        Assert.Contains("'center[1]'", d.Message);
    }

    [Fact]
    public void A_huge_max_radius_is_reported()
    {
        var d = OneError(OneProperty("preimage-radius", "\"center\": [0, 0]", "\"maxRadius\": 1e9", "\"atLeast\": 0.1"),
            SpecErrorCodes.MagnitudeTooLarge, 8, 20);
        Assert.Contains("'maxRadius'", d.Message);
    }

    [Fact]
    public void A_huge_output_tolerance_is_reported()
    {
        var d = OneError(OneProperty("invertibility", Box2, "\"outputTolerance\": 1e12", "\"atMost\": 1"),
            SpecErrorCodes.MagnitudeTooLarge, 8, 26);
        Assert.Contains("'outputTolerance'", d.Message);
    }

    [Fact]
    public void The_limit_itself_is_accepted()
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", "\"domain\": { \"lower\": -1e6, \"upper\": 1e6 }", "\"atMost\": 1"));
        Assert.Empty(diagnostics);
        Assert.Single(file!.Properties);
    }
}
