namespace VerifyGate.EndToEnd.Tests;

/// <summary>The dotnet tool package: installed into a folder from the local feed and run on a model repository.</summary>
[Collection(PackedVerifyGateCollection.Name)]
public sealed class ToolTests(PackedVerifyGate package)
{
    [Fact]
    public void The_installed_tool_checks_property_files()
    {
        string tools = Path.Combine(package.Root, "tool-path");
        var install = DotnetCli.Run(package.Root, null, PackedVerifyGate.Timeout,
            "tool", "install", "VerifyGate.Tool", "--tool-path", tools, "--add-source", package.Feed, "--version", package.Version);
        Assert.True(install.ExitCode == 0, install.Output);

        var repo = new ModelRepository(package, "tool");
        repo.WriteLipschitzSpec("iris.verify.json", "iris-linf", atMost: 20);
        repo.WriteLipschitzSpec("tight.verify.json", "iris-linf-tight", atMost: 5);
        var check = DotnetCli.RunProgram(Path.Combine(tools, OperatingSystem.IsWindows() ? "verifygate.exe" : "verifygate"), repo.Root,
            new Dictionary<string, string> { ["VERIFYGATE_CACHE_DIR"] = repo.PathOf(".cache") }, PackedVerifyGate.Timeout,
            "check", "models", "--no-step-summary");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.Contains("models/tight.verify.json(8,17): error VG3001: property 'iris-linf-tight' is violated", check.Output);
        Assert.Contains("2 properties: 1 passed, 1 failed, 0 inconclusive, 0 errors", check.Output);
    }
}
