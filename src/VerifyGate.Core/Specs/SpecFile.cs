namespace VerifyGate.Core.Specs;

/// <summary>A loaded property file. <see cref="Properties"/> holds only the properties without errors;
/// the loader's diagnostics tell about the others.</summary>
public sealed record SpecFile
{
    /// <summary>The property file, as given to the loader.</summary>
    public required string Path { get; init; }
    /// <summary>Full path of the model, resolved against the property file's folder.</summary>
    public required string ModelPath { get; init; }
    /// <summary>The "model" value token, or the file start when the model name was defaulted.</summary>
    public required SourcePosition ModelPosition { get; init; }
    public bool ModelDefaulted { get; init; }
    public required IReadOnlyList<PropertySpec> Properties { get; init; }

    /// <summary>The model a property file checks when it names none: <c>a.verify.json</c> -> <c>a.onnx</c>.</summary>
    public static string DefaultModelName(string specPath)
    {
        string name = System.IO.Path.GetFileName(specPath);
        const string suffix = ".verify.json";
        string stem = name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            ? name[..^suffix.Length]
            : System.IO.Path.GetFileNameWithoutExtension(name);
        return stem + ".onnx";
    }
}
