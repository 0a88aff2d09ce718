using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>Writes property files (and empty stand-in model files, which the loader only checks
/// for existence) to a fresh temporary folder and loads them.</summary>
internal static class SpecFixture
{
    public static (SpecFile? File, IReadOnlyList<Diagnostic> Diagnostics) Load(
        string json, string fileName = "net.verify.json", params string[] models)
    {
        string folder = Path.Combine(Path.GetTempPath(), "verifygate-spec-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (string model in models.Length == 0 ? ["net.onnx"] : models)
                File.WriteAllBytes(Path.Combine(folder, model), []);
            string path = Path.Combine(folder, fileName);
            File.WriteAllText(path, json);
            return SpecLoader.Load(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A file with one property. Its brace is at (4,5); the <paramref name="fields"/> start at
    /// line 7, column 7, one a line (so the value of <c>"atMost": 1</c> on line 7 is at column 17).</summary>
    public static string OneProperty(string kind, params string[] fields) => $$"""
        {
          "model": "net.onnx",
          "properties": [
            {
              "name": "p",
              "kind": "{{kind}}",
              {{string.Join(",\n      ", fields)}}
            }
          ]
        }
        """;

    public const string Box2 = "\"domain\": { \"lower\": [0, 0], \"upper\": [1, 1] }";

    /// <summary>The only diagnostic, which must be an error with this code.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.False(diagnostic.IsWarning);
        return diagnostic;
    }

    public static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal(column, diagnostic.Column);
    }

    /// <summary>Loads a one-property file expecting exactly one error; returns it after checking code and position.</summary>
    public static Diagnostic OneError(string json, string code, int line, int column)
    {
        var (_, diagnostics) = Load(json);
        var diagnostic = Single(diagnostics, code);
        AssertAt(diagnostic, line, column);
        return diagnostic;
    }
}
