namespace VerifyGate.TestAdapter;

/// <summary>One property of a property file as a test: what discovery reports and execution runs.</summary>
/// <param name="RelativeSpec">The property file's path relative to the repository root, with '/'.</param>
/// <param name="SpecPath">The property file's full path in the repository.</param>
/// <param name="Property">The property's name as the checker reports it (a file-level entry: <c>(file)</c>).</param>
/// <param name="Line">The line of the property's name (1 for a file-level entry).</param>
/// <param name="Kind">The kind as written in the file; empty when unknown.</param>
/// <param name="Model">The model's file name without extension; empty when unknown.</param>
/// <param name="Ordinal">0 for the first property of this name in the file, 1 for a duplicate, ...</param>
public sealed record PropertyCase(string RelativeSpec, string SpecPath, string Property, int Line, string Kind, string Model, int Ordinal = 0)
{
    public const string SpecSuffix = ".verify.json";

    /// <summary>Stable across runs: the spec's repository path (dots for folders, without .verify.json)
    /// and the property name, e.g. <c>models.controller.lipschitz-linf</c>. A later property of the same
    /// name (an error in the file) gets its line appended.</summary>
    public string FullyQualifiedName
    {
        get
        {
            string stem = RelativeSpec.EndsWith(SpecSuffix, StringComparison.OrdinalIgnoreCase) ? RelativeSpec[..^SpecSuffix.Length] : RelativeSpec;
            string name = $"{stem.Replace('/', '.')}.{Property}";
            return Ordinal == 0 ? name : $"{name}@{Line}";
        }
    }

    public string DisplayName => Ordinal == 0 ? Property : $"{Property} (line {Line})";
}
