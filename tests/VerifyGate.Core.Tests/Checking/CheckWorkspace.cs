using System.Text.Json;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>A temporary folder of property files for checker and CLI tests, with its own result cache.</summary>
public sealed class CheckWorkspace : IDisposable
{
    public CheckWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "vg-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public string CacheDirectory => Path.Combine(Root, "cache");
    public CheckOptions Options => new() { CacheDirectory = CacheDirectory };

    /// <summary>4 inputs -> 3 outputs, two hidden layers of 5: lipschitz on [0,1]^4 solves in milliseconds.</summary>
    public static string Iris => TestPaths.Model("lipbab/iris_net_4_5_5_3.onnx");
    /// <summary>10 -> 30 -> 30 -> 30 -> 3: l2 on [0,0.1]^10 does not close in a fraction of a second.</summary>
    public static string SdNet => TestPaths.Model("lipbab/SDnet_10_30_30_30_3.onnx");
    public static string Sigmoid => TestPaths.Model("unsupported/ffnnSIGMOID__Point_6x200.onnx");

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A property file for <paramref name="model"/> whose properties are given as JSON object texts, one per line
    /// (line 1 "{", line 2 "model", line 3 "properties": [, property i on line 4 + i).</summary>
    public string Spec(string relativePath, string model, params string[] properties) =>
        Write(relativePath, "{\n" +
                            $"  \"model\": {Quote(model)},\n" +
                            "  \"properties\": [\n" +
                            string.Join(",\n", properties.Select(p => "    " + p)) + "\n" +
                            "  ]\n}\n");

    public static string Lipschitz(string name, double atMost, string extra = "") =>
        $"{{ \"name\": \"{name}\", \"kind\": \"lipschitz\", \"domain\": {{ \"lower\": 0, \"upper\": 1 }}, \"norm\": \"inf\", \"atMost\": {atMost}{extra} }}";

    public string[] CacheEntries() =>
        Directory.Exists(CacheDirectory) ? Directory.GetFiles(CacheDirectory, "*.json", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
