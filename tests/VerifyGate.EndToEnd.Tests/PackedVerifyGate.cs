namespace VerifyGate.EndToEnd.Tests;

/// <summary>VerifyGate packed from a copy of this repository's sources into a local folder feed: the
/// library package <c>VerifyGate</c> and the dotnet tool <c>VerifyGate.Tool</c>. The version is new for
/// every run, so NuGet never serves an earlier run's package from its global folder; the fixture removes
/// its versions from that folder when it is done.</summary>
public sealed class PackedVerifyGate : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public string Root { get; } = RepoPaths.TempDirectory("vg-e2e");
    public string Feed => Path.Combine(Root, "feed");
    public string Version { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public PackedVerifyGate()
    {
        // A copy, so that packing (which builds with another version) never races the builds of this repository's own tests.
        string sources = Path.Combine(Root, "sources");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(RepoPaths.Of(file), Path.Combine(sources, file).EnsureFolder());
        foreach (string folder in new[] { "src", "build" })
            RepoPaths.CopyDirectory(RepoPaths.Of(folder), Path.Combine(sources, folder), relative => !IsBuildOutput(relative));

        foreach (string project in new[] { "src/VerifyGate/VerifyGate.csproj", "src/VerifyGate.Cli/VerifyGate.Cli.csproj" })
        {
            var (code, output) = DotnetCli.Run(sources, null, Timeout, "pack", project, "-c", "Release", "-o", Feed, $"-p:VerifyGateVersion={Version}");
            if (code != 0) throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");

    public void Dispose()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "verifygate", "verifygate.tool" })
            TryDelete(Path.Combine(packages, id, Version.ToLowerInvariant()));
        TryDelete(Root);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedVerifyGateCollection : ICollectionFixture<PackedVerifyGate>
{
    public const string Name = "packed VerifyGate";
}

internal static class PathExtensions
{
    /// <summary>Creates the file's folder and returns the path.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
