namespace VerifyGate.TestAdapter;

/// <summary>The list of property files that the build writes beside a test assembly
/// (<c>&lt;assembly&gt;.verifygate.manifest</c>, see build/VerifyGate.targets). testhost hands the adapter
/// only the built DLL; the manifest says which property files belong to it and where the repository is.
/// Format: <c>root=&lt;folder&gt;</c>, then one <c>spec=&lt;path relative to root&gt;</c> per line.</summary>
public sealed record Manifest(string Root, IReadOnlyList<string> Specs)
{
    public const string Extension = ".verifygate.manifest";

    /// <summary>Where the manifest of a test assembly is: beside it, named after it.</summary>
    public static string PathFor(string assemblyPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(assemblyPath)) ?? ".", Path.GetFileNameWithoutExtension(assemblyPath) + Extension);

    /// <summary>The manifest of a test assembly; null when it has none (the assembly is not a model repository).</summary>
    public static Manifest? ForAssembly(string assemblyPath)
    {
        string path = PathFor(assemblyPath);
        return File.Exists(path) ? Parse(File.ReadAllLines(path), Path.GetDirectoryName(path)!) : null;
    }

    /// <param name="fallbackRoot">The root when the manifest names none.</param>
    public static Manifest Parse(IEnumerable<string> lines, string fallbackRoot)
    {
        string root = fallbackRoot;
        var specs = new List<string>();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith("root=", StringComparison.Ordinal)) root = line["root=".Length..];
            else if (line.StartsWith("spec=", StringComparison.Ordinal) && line.Length > "spec=".Length)
                specs.Add(line["spec=".Length..].Replace('\\', '/'));
        }
        return new Manifest(root, specs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    public string FullPath(string relativeSpec) => Path.GetFullPath(Path.Combine(Root, relativeSpec));
}
