namespace VerifyGate.Core.Specs;

/// <summary>Where each field's value token of a property is, keyed by a path such as
/// "atMost", "domain.lower", "domain.lower[3]" or "outputs[1]". A field inherited from
/// <c>defaults</c> points into the defaults object, where its text is.</summary>
public sealed class FieldPositions
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public FieldPositions(SourcePosition property) => Property = property;

    /// <summary>The opening brace of the property object.</summary>
    public SourcePosition Property { get; }

    public IReadOnlyDictionary<string, SourcePosition> All => _positions;

    internal void Set(string path, SourcePosition position) => _positions[path] = position;

    public bool Contains(string path) => _positions.ContainsKey(path);

    /// <summary>The position of the path, else of its nearest recorded parent ("domain.lower[3]" ->
    /// "domain.lower" -> "domain"), else of the property itself.</summary>
    public SourcePosition Of(string path)
    {
        while (path.Length > 0)
        {
            if (_positions.TryGetValue(path, out var position)) return position;
            int cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
            path = cut > 0 ? path[..cut] : "";
        }
        return Property;
    }
}
