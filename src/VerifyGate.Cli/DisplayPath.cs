namespace VerifyGate.Cli;

/// <summary>Paths as the CLI prints them: relative to the current directory, with forward slashes
/// (or full paths with --absolute-paths, for tools that run the CLI from another folder).</summary>
public static class DisplayPath
{
    public static string Of(string path, bool absolute) =>
        absolute && !string.IsNullOrEmpty(path) ? Path.GetFullPath(path) : Of(path);

    public static string Of(string path)
    {
        if (string.IsNullOrEmpty(path)) return path;
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
        return relative.Replace('\\', '/');
    }
}
