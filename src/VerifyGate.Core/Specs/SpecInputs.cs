using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>The files a check reads: property files and the models they name. Build tools use the list
/// as incremental inputs, so it errs on the side of listing a file (a model that does not exist yet, the
/// reference of a property that has mistakes) rather than missing one.</summary>
public static class SpecInputs
{
    /// <summary>Full paths of the models a property file refers to: its "model" (or the default model of
    /// the same name), then every "reference" in "defaults" or a property, resolved against the file's
    /// folder as <see cref="SpecLoader"/> resolves them, whether or not they exist. Empty when the file
    /// cannot be read or is not a JSON object.</summary>
    public static IReadOnlyList<string> ModelPaths(string specPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(specPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }
        var (file, _) = SpecLoader.Load(specPath, bytes);
        if (file is null) return [];
        string folder = Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? ".";
        var paths = new List<string> { file.ModelPath };
        foreach (string reference in References(bytes).Where(SpecLoader.IsPathText))
            paths.Add(Path.GetFullPath(Path.Combine(folder, reference)));
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The property files themselves and every model they refer to: full paths, distinct, in ordinal order.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> specPaths) =>
        specPaths.SelectMany(spec => ModelPaths(spec).Prepend(Path.GetFullPath(spec)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The non-blank "reference" strings of "defaults" and of each property, read without validation
    /// (the loader drops properties with mistakes, but their reference is still an input).</summary>
    private static IEnumerable<string> References(byte[] utf8)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF) utf8 = utf8[3..];
        if (PositionedJsonParser.Parse(utf8, new LineIndex(utf8), out _, out _) is not JObject root) yield break;
        var holders = new List<JObject>();
        foreach (var member in root.Members)
        {
            if (member.Name == FieldNames.Defaults && member.Value is JObject defaults) holders.Add(defaults);
            if (member.Name == FieldNames.Properties && member.Value is JArray properties) holders.AddRange(properties.Items.OfType<JObject>());
        }
        foreach (var holder in holders)
            foreach (var member in holder.Members)
                if (member.Name == FieldNames.Reference && member.Value is JString { Value: var text } && text.Trim().Length > 0)
                    yield return text;
    }
}
