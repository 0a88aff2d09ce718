namespace VerifyGate.Build.Tests;

public class CanonicalLineTests
{
    [Theory]
    [InlineData("/repo/models/a.verify.json(9,17): error VG3001: property 'p' is violated: ...")]
    [InlineData("/repo/models/a.verify.json(12,5): warning VG3002: property 'p' is inconclusive: ...")]
    [InlineData(@"C:\repo\models\a.verify.json(3,1): error VG1021: domain ...")]
    [InlineData("/repo/models/missing.onnx: error VG2001: cannot read the model ...")]
    public void Diagnostics_are_recognised(string line) => Assert.True(CanonicalLine.IsDiagnostic(line));

    [Theory]
    [InlineData("passed        /repo/models/a.verify.json: iris-linf  [1.5, 1.5] atMost 40  0.41 s")]
    [InlineData("error         /repo/models/a.verify.json: (file)  /repo/models/a.verify.json(8,51): error VG1021: domain ...")]
    [InlineData("failed        /repo/models/a.verify.json: tight  [12.6, 12.6] atMost 5  0.2 s")]
    [InlineData("WARNING: unresolved numerical troubles in LP 12")]
    [InlineData("warning: something without a code")]
    [InlineData("              certified [1, 2]; witness x=[0, 1] y=[1, 0] ratio 1")]
    [InlineData("")]
    public void Other_output_is_not(string line) => Assert.False(CanonicalLine.IsDiagnostic(line));
}
