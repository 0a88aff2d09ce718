namespace VerifyGate.Core.Tests;

/// <summary>Locates the repository and the shared model folder (../shared/models beside the clone).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SharedModels { get; } =
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));

    public static string Model(string relative) => Path.Combine(SharedModels, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "VerifyGate.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VerifyGate.sln not found above " + AppContext.BaseDirectory);
    }
}
