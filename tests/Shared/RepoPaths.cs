namespace VerifyGate.Testing;

/// <summary>Paths in this repository, found from the test assembly's folder (linked into each test project that needs it).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relative) => Path.Combine(Root, relative);

    /// <summary>The configuration this test assembly was built in (Debug or Release), from bin/&lt;config&gt;/&lt;tfm&gt;.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VerifyGate.sln"))) return dir.FullName;
        throw new InvalidOperationException("VerifyGate.sln not found above " + AppContext.BaseDirectory);
    }

    public static string TempDirectory(string prefix)
    {
        string path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyDirectory(string from, string to, Func<string, bool>? include = null)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" || include?.Invoke(relative) == false) continue;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
