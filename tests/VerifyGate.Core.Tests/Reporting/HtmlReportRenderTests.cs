using System.Buffers.Binary;
using System.Text.RegularExpressions;
using VerifyGate.Core.Tests.Checking;
using VerifyGate.Core.Tests.Cli;

namespace VerifyGate.Core.Tests.Reporting;

/// <summary><c>verifygate check --html</c> rendered by a real browser (headless Chromium): the page shows one row per
/// property, and it is not blank.</summary>
public class HtmlReportRenderTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void The_report_of_a_run_renders_with_one_row_per_property_and_is_not_blank()
    {
        _ws.Spec("models/ok.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100), CheckWorkspace.Lipschitz("also-loose", 50));
        _ws.Spec("models/bad.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("tight", 5));
        _ws.Spec("models/err.verify.json", "missing.onnx", CheckWorkspace.Lipschitz("orphan", 1));
        string report = Path.Combine(_ws.Root, "out", "report.html");

        var (exit, _, stderr) = CliRunner.Run("check", _ws.Root, "--cache-dir", _ws.CacheDirectory, "--html", report);

        Assert.True(exit == 2, stderr);
        string dom = HeadlessChromium.DumpDom(report);
        var rows = Regex.Matches(dom, "<tr class=\"([a-z]+)\" data-outcome=");
        Assert.Equal(["failed", "error", "passed", "passed"], rows.Select(r => r.Groups[1].Value));
        Assert.Equal(4, Regex.Matches(dom, "<section class=\"property ").Count);
        Assert.True(Regex.Matches(dom, "<svg ").Count >= 4, "every property with bounds has its picture");

        // Not blank: the same window over an empty page compresses to a fraction of the report's screenshot.
        string empty = Path.Combine(_ws.Root, "out", "empty.html");
        File.WriteAllText(empty, "<!DOCTYPE html><html><body></body></html>");
        byte[] shot = HeadlessChromium.Screenshot(report, 1000, 1400);
        byte[] blank = HeadlessChromium.Screenshot(empty, 1000, 1400);
        Assert.Equal((1000, 1400), PngSize(shot));
        Assert.True(shot.Length > 5 * blank.Length, $"the report's screenshot ({shot.Length} bytes) is hardly larger than a blank page's ({blank.Length} bytes)");
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_an_error()
    {
        string spec = _ws.Spec("ok.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100));
        string blocked = Path.Combine(_ws.Root, "a-file");
        File.WriteAllText(blocked, "");
        var (exit, _, stderr) = CliRunner.Run("check", spec, "--cache-dir", _ws.CacheDirectory, "--html", Path.Combine(blocked, "report.html"));
        Assert.Equal(2, exit);
        Assert.Contains("verifygate: cannot write the HTML report", stderr);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
