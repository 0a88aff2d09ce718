using VerifyGate.Core.Specs;
using static VerifyGate.Core.Tests.Specs.SpecFixture;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>VG1030: values beyond ±1e6 in the fields that set the solver's magnitudes, at their tokens
/// (layout of <see cref="SpecFixture.OneProperty"/>: fields from line 7, column 7).</summary>
public class MagnitudeDiagnosticTests
{
    [Theory]
    [InlineData("lipschitz", "\"domain\": { \"lower\": -1e300, \"upper\": 1 }|\"atMost\": 1", 7, 28, "'domain.lower' is -1E+300")]
    [InlineData("lipschitz", "\"domain\": { \"lower\": [0, 0], \"upper\": [1, 2e6] }|\"atMost\": 1", 7, 49, "'domain.upper[1]' is 2E+06")]
    [InlineData("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": 1e7 }|\"atMost\": 1", 7, 47, "'domain.radius'")]
    [InlineData("lipschitz", "\"domain\": { \"center\": [0, -5e6], \"radius\": 1 }|\"atMost\": 1", 7, 33, "'domain.center[1]'")]
    [InlineData("invertibility-radius", "\"center\": [0, 3e6]|\"maxRadius\": 1|\"atLeast\": 0.1", 7, 21, "'center[1]'")]
    [InlineData("preimage-radius", "\"center\": [0, 0]|\"maxRadius\": 1e9|\"atLeast\": 0.1", 8, 20, "'maxRadius'")]
    [InlineData("invertibility", Box2 + "|\"outputTolerance\": 1e12|\"atMost\": 1", 8, 26, "'outputTolerance'")]
    public void A_value_beyond_the_limit_is_reported_at_its_token(string kind, string fields, int line, int column, string names)
    {
        var d = OneError(OneProperty(kind, fields.Split('|')), SpecErrorCodes.MagnitudeTooLarge, line, column);
        Assert.Contains(names, d.Message);
    }

    [Fact]
    public void The_limit_itself_is_accepted()
    {
        var (file, diagnostics) = Load(OneProperty("lipschitz", "\"domain\": { \"lower\": -1e6, \"upper\": 1e6 }", "\"atMost\": 1"));
        Assert.Empty(diagnostics);
        Assert.Single(file!.Properties);
    }
}
