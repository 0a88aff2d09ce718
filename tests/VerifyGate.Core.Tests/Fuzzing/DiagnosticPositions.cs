
namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>Asserts that diagnostics name the file and point at a line and column that exist in it.</summary>
public static class DiagnosticPositions
{
    public static void AssertInside(IEnumerable<Diagnostic> diagnostics, string path, byte[] bytes)
    {
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        foreach (var d in diagnostics)
        {
            Assert.True(d.File == path, $"the diagnostic names {d.File}, not {path}: {d}");
            Assert.True(d.Line >= 1 && d.Line <= lines.Length, $"line {d.Line} is outside the file's {lines.Length} lines: {d}");
            Assert.True(d.Column >= 1 && d.Column <= lines[d.Line - 1].Length + 1,
                $"column {d.Column} is outside line {d.Line} ({lines[d.Line - 1].Length} characters): {d}");
            Assert.False(string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.Message), $"no code or message: {d}");
            Assert.DoesNotContain("   at ", d.Message);  // no stack trace in a message
        }
    }

    /// <summary>Shows a mutated file on failure (long runs of one character folded).</summary>
    public static string Show(byte[] bytes)
    {
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        return text.Length <= 3000 ? text : text[..1500] + $"\n… ({text.Length - 3000} characters) …\n" + text[^1500..];
    }
}
