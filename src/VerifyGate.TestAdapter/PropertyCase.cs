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

    /// <summary>The folder of the property file, relative to the repository root, with dots between folders
    /// (<c>models.control</c>); empty for a file in the root. The first level of the test hierarchy.</summary>
    public string Folder
    {
        get
        {
            int slash = RelativeSpec.LastIndexOf('/');
            return slash < 0 ? "" : RelativeSpec[..slash].Replace('/', '.');
        }
    }

    /// <summary>The property file's name without <c>.verify.json</c>: the second level of the test hierarchy.</summary>
    public string FileStem
    {
        get
        {
            string name = RelativeSpec[(RelativeSpec.LastIndexOf('/') + 1)..];
            return name.EndsWith(SpecSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^SpecSuffix.Length] : name;
        }
    }

    /// <summary>Stable across runs: the spec's repository path (dots for folders, without .verify.json)
    /// and the property name, e.g. <c>models.controller.lipschitz-linf</c>. A later property of the same
    /// name (an error in the file) gets its line appended.</summary>
    public string FullyQualifiedName
    {
        get
        {
            string stem = Folder.Length == 0 ? FileStem : $"{Folder}.{FileStem}";
            string name = $"{stem}.{Property}";
            return Ordinal == 0 ? name : $"{name}@{Line}";
        }
    }

    public string DisplayName => Ordinal == 0 ? Property : $"{Property} (line {Line})";
}
