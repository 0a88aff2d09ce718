namespace VerifyGate.Cli;

/// <summary>Paths as the CLI prints them: relative to the current directory, with forward slashes.</summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        if (string.IsNullOrEmpty(path)) return path;
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
        return relative.Replace('\\', '/');
    }
}
