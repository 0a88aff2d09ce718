namespace VerifyGate.Core.Checking;

/// <summary>Expands the paths given to a check into property files: a folder stands for every
/// <c>*.verify.json</c> under it (recursively, in ordinal path order); anything else is taken as a file
/// (a missing one is reported when it is loaded). Each file appears once.</summary>
public static class SpecDiscovery
{
    public const string Pattern = "*.verify.json";

    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (string path in paths)
        {
            var found = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, Pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : Enumerable.Repeat(path, 1);
            foreach (string file in found)
                if (seen.Add(Path.GetFullPath(file))) files.Add(file);
        }
        return files;
    }
}
