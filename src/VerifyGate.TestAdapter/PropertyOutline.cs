using VerifyGate.Core.Checking;
using VerifyGate.Core.Specs;

namespace VerifyGate.TestAdapter;

/// <summary>The properties of a property file without checking anything: the same entries, names and
/// lines as the results <see cref="Checker.CheckFile(string, CheckOptions, IProgress{CheckProgress}?, CancellationToken)"/>
/// returns, so that every result has its test. A file that cannot be read or parsed is one test named
/// <c>(file)</c> (it fails with the diagnostic); a property with mistakes is still a test (it fails with them).</summary>
public static class PropertyOutline
{
    public static IReadOnlyList<PropertyCase> Read(Manifest manifest, string relativeSpec)
    {
        string path = manifest.FullPath(relativeSpec);
        PropertyCase FileLevel() => new(relativeSpec, path, CheckResult.FileLevel, 1, "", "");

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [FileLevel()];
        }
        var (file, diagnostics) = SpecLoader.Load(path, bytes);
        var entries = SpecOutline.Read(bytes);
        bool errors = diagnostics.Any(d => !d.IsWarning);
        if (file is null || (errors && entries.Count == 0)) return [FileLevel()];

        string model = Path.GetFileNameWithoutExtension(file.ModelPath);
        var loaded = file.Properties.ToDictionary(p => p.Position);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = new List<PropertyCase>();
        foreach (var entry in entries)
        {
            var (name, line, kind) = loaded.TryGetValue(entry.Start, out var spec)
                ? (spec.Name, spec.Positions.Of("name").Line, spec.KindName)
                : (entry.Name ?? $"(property at line {entry.Start.Line})", (entry.NamePosition ?? entry.Start).Line, entry.Kind ?? "");
            int ordinal = seen.GetValueOrDefault(name);
            seen[name] = ordinal + 1;
            cases.Add(new PropertyCase(relativeSpec, path, name, line, kind, model, ordinal));
        }
        return cases;
    }

    /// <summary>Every property of every file the manifest lists, in file order, then property order.</summary>
    public static IReadOnlyList<PropertyCase> Read(Manifest manifest) => manifest.Specs.SelectMany(s => Read(manifest, s)).ToList();
}
