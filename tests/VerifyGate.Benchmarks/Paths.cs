namespace VerifyGate.Benchmarks;

public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();
    public static string SharedModels { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "models"));
    public static string BenchmarksDocument { get; } = Path.Combine(RepositoryRoot, "docs", "benchmarks.md");
    public static string Model(string relative) => Path.Combine(SharedModels, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "VerifyGate.sln"))) dir = dir.Parent;
        dir ??= new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "VerifyGate.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
