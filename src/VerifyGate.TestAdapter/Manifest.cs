using VerifyGate.Core.Checking;
namespace VerifyGate.TestAdapter;

/// <summary>The list of property files that the build writes beside a test assembly
/// (<c>&lt;assembly&gt;.verifygate.manifest</c>, see build/VerifyGate.targets). testhost hands the adapter
/// only the built DLL; the manifest says which property files belong to it and where the repository is.
/// Format: <c>root=&lt;folder&gt;</c>, then one <c>spec=&lt;path relative to root&gt;</c> per line, then the
/// project's settings that are set: <c>timeLimitSeconds=</c>, <c>useCache=</c>, <c>cacheDir=</c>, <c>exact=</c>,
/// <c>solver=</c> (see <see cref="ManifestSettings"/>).</summary>
public sealed record Manifest(string Root, IReadOnlyList<string> Specs)
{
    public const string Extension = ".verifygate.manifest";

    /// <summary>The project's settings: the defaults that run settings override.</summary>
    public ManifestSettings Settings { get; init; } = ManifestSettings.None;

    /// <summary>Why a setting line was ignored (a malformed value), for the run's output.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

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
        var settings = ManifestSettings.None;
        string? cacheDir = null;
        var warnings = new List<string>();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            int equals = line.IndexOf('=');
            if (equals < 0) continue;
            string key = line[..equals];
            string value = line[(equals + 1)..].Trim();
            switch (key)
            {
                case "root":
                    root = line[(equals + 1)..];
                    break;
                case "spec" when value.Length > 0:
                    specs.Add(line[(equals + 1)..].Replace('\\', '/'));
                    break;
                case "timeLimitSeconds" when value.Length > 0:
                    if (SettingValues.TimeLimit(value) is double seconds) settings = settings with { TimeLimitSeconds = seconds };
                    else warnings.Add(Ignored("VerifyGateTimeLimitSeconds", "a positive number of seconds", value));
                    break;
                case "useCache" when value.Length > 0:
                    if (SettingValues.Bool(value) is bool useCache) settings = settings with { UseCache = useCache };
                    else warnings.Add(Ignored("VerifyGateUseCache", "true or false", value));
                    break;
                case "exact" when value.Length > 0:
                    if (SettingValues.Bool(value) is bool exact) settings = settings with { Exact = exact };
                    else warnings.Add(Ignored("VerifyGateExact", "true or false", value));
                    break;
                case "solver" when value.Length > 0:
                    if (SettingValues.Solver(value) is { } solver) settings = settings with { Solver = solver };
                    else warnings.Add(Ignored("VerifyGateSolver", "scip, highs or gurobi", value));
                    break;
                case "shard" when value.Length > 0:
                    if (Shard.Parse(value) is { } shard) settings = settings with { Shard = shard };
                    else warnings.Add(Ignored("VerifyGateShard", Shard.Expected, value));
                    break;
                case "htmlReport" when value.Length > 0:
                    settings = settings with { HtmlReport = value };
                    break;
                case "cacheDir" when value.Length > 0:
                    cacheDir = value;
                    break;
            }
        }
        // The build writes a full path; a relative one (a hand-written manifest) is taken from the root.
        if (cacheDir is not null) settings = settings with { CacheDirectory = Path.GetFullPath(Path.Combine(root, cacheDir)) };
        return new Manifest(root, specs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
        {
            Settings = settings,
            Warnings = warnings,
        };
    }

    private static string Ignored(string property, string expected, string value) =>
        $"{property} must be {expected}, not '{value}'; ignored";

    public string FullPath(string relativeSpec) => Path.GetFullPath(Path.Combine(Root, relativeSpec));
}
