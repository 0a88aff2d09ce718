using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>Loads <c>*.verify.json</c> property files (design/spec-format.md). Never throws for a
/// user's mistake: each one becomes a <see cref="Diagnostic"/> at the offending token, and every
/// property without errors is still returned.</summary>
public static class SpecLoader
{
    /// <returns>The file (null only when it cannot be read, is not JSON, or its root is not an object)
    /// with the properties that have no errors, and all diagnostics in file order.</returns>
    public static (SpecFile? File, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, [Diagnostic.ForFile(path, SpecErrorCodes.FileUnreadable, $"cannot read the property file: {e.Message}")]);
        }
        return Load(path, bytes);
    }

    /// <summary>Loads from bytes already read; <paramref name="path"/> names the file in diagnostics
    /// and anchors relative model paths.</summary>
    public static (SpecFile? File, IReadOnlyList<Diagnostic> Diagnostics) Load(string path, byte[] utf8)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF) utf8 = utf8[3..];
        var bag = new DiagnosticBag(path);
        var lines = new LineIndex(utf8);
        var root = PositionedJsonParser.Parse(utf8, lines, out var errorAt, out string error);
        if (root == null)
        {
            bag.Error(errorAt, SpecErrorCodes.MalformedJson, $"not valid JSON: {error}");
            return (null, bag.ToList());
        }
        if (root is not JObject obj)
        {
            bag.Error(root.Position, SpecErrorCodes.RootNotObject,
                $"a property file is a JSON object with \"properties\", not {root.Description}");
            return (null, bag.ToList());
        }
        var file = ReadRoot(path, obj, bag);
        return (file, bag.ToList());
    }

    private static SpecFile ReadRoot(string path, JObject obj, DiagnosticBag bag)
    {
        var root = new ObjectFields(obj, FieldNames.RootFields, "the property file", bag);
        var values = new ValueReader(bag);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

        if (root[FieldNames.Schema] is { } schema) values.String(schema.Value, FieldNames.Schema);
        var (modelPath, modelPosition, defaulted) = ReadModel(path, folder, root, values);

        ObjectFields? defaults = null;
        if (root[FieldNames.Defaults] is { } dm)
        {
            if (dm.Value is JObject defaultsObject)
                defaults = new ObjectFields(defaultsObject, FieldNames.DefaultsFields, "defaults", bag,
                    name => name == FieldNames.Name ? "'name' cannot be a default: each property names itself" : null);
            else values.WrongType(dm.Value, FieldNames.Defaults, "an object");
        }

        return new SpecFile
        {
            Path = path,
            ModelPath = modelPath,
            ModelPosition = modelPosition,
            ModelDefaulted = defaulted,
            Properties = ReadProperties(path, folder, root, defaults, bag),
        };
    }

    private static (string Path, SourcePosition Position, bool Defaulted) ReadModel(
        string specPath, string folder, ObjectFields root, ValueReader values)
    {
        var bag = values.Bag;
        string name = SpecFile.DefaultModelName(specPath);
        var position = SourcePosition.FileStart;
        bool defaulted = true;
        if (root[FieldNames.Model] is { } member)
        {
            position = member.Value.Position;
            string? text = values.String(member.Value, FieldNames.Model);
            if (text != null && text.Trim().Length == 0)
                bag.Error(position, SpecErrorCodes.InvalidValue, "'model' is empty");
            else if (text != null && !IsPathText(text))
            {
                bag.Error(position, SpecErrorCodes.InvalidValue, "'model' is not a file path: it contains a character no path can hold (such as \\u0000)");
                return (Path.GetFullPath(Path.Combine(folder, name)), position, false);
            }
            else if (text != null)
            {
                name = text;
                defaulted = false;
            }
            else return (Path.GetFullPath(Path.Combine(folder, name)), position, false);
        }
        string full = Path.GetFullPath(Path.Combine(folder, name));
        if (!File.Exists(full))
            bag.Error(position, SpecErrorCodes.ModelNotFound, defaulted && root[FieldNames.Model] == null
                ? $"model '{name}' not found (no \"model\" is given, so the file checks the model of the same name; looked for {full})"
                : $"model '{name}' not found (looked for {full})");
        return (full, position, defaulted);
    }

    /// <summary>False for text that Path.GetFullPath refuses with an ArgumentException (a NUL character).</summary>
    internal static bool IsPathText(string text) => text.IndexOfAny(Path.GetInvalidPathChars()) < 0;

    private static IReadOnlyList<PropertySpec> ReadProperties(
        string path, string folder, ObjectFields root, ObjectFields? defaults, DiagnosticBag bag)
    {
        if (root[FieldNames.Properties] is not { } member)
        {
            bag.Error(root.Object.Position, SpecErrorCodes.MissingField, "the property file has no \"properties\" array");
            return [];
        }
        if (member.Value is not JArray array)
        {
            bag.Error(member.Value.Position, SpecErrorCodes.PropertiesNotArray,
                $"\"properties\" must be an array of property objects, not {member.Value.Description}");
            return [];
        }
        if (array.Items.Count == 0)
            bag.Warning(array.Position, SpecErrorCodes.NoProperties, "the property file has no properties");

        var duplicates = FindDuplicateNames(array, bag);
        var reader = new PropertyReader(bag, path, folder, defaults);
        var properties = new List<PropertySpec>();
        for (int i = 0; i < array.Items.Count; i++)
            if (reader.Read(array.Items[i]) is { } property && !duplicates.Contains(i))
                properties.Add(property);
        return properties;
    }

    /// <summary>Indices of properties whose name an earlier property already uses (reported at the later name).</summary>
    private static HashSet<int> FindDuplicateNames(JArray array, DiagnosticBag bag)
    {
        var first = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var duplicates = new HashSet<int>();
        for (int i = 0; i < array.Items.Count; i++)
        {
            if (array.Items[i] is not JObject obj) continue;
            var name = obj.Members.FirstOrDefault(m => m.Name == FieldNames.Name);
            if (name?.Value is not JString text) continue;
            if (first.TryGetValue(text.Value, out var earlier))
            {
                bag.Error(text.Position, SpecErrorCodes.DuplicateName,
                    $"a property named \"{text.Value}\" already exists at line {earlier.Line}");
                duplicates.Add(i);
            }
            else first[text.Value] = text.Position;
        }
        return duplicates;
    }
}
