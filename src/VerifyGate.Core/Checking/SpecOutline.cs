using VerifyGate.Core.Specs;
using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Checking;

/// <summary>One entry of a property file's "properties" array, read without validation: where it
/// starts and ends and what it is called, so that load diagnostics can be given to the property they
/// concern (the loader drops properties with errors).</summary>
internal sealed record PropertyEntry(SourcePosition Start, SourcePosition End, string? Name, SourcePosition? NamePosition, string? Kind)
{
    public bool Contains(SourcePosition at) => Compare(Start, at) <= 0 && Compare(at, End) < 0;

    public static int Compare(SourcePosition a, SourcePosition b) => (a.Line, a.Column).CompareTo((b.Line, b.Column));
}

internal static class SpecOutline
{
    private static readonly SourcePosition EndOfFile = new(int.MaxValue, int.MaxValue);

    /// <summary>The entries of "properties"; empty when the file is not JSON or has no such array.
    /// An entry ends where the next one (or the next top-level field) starts.</summary>
    public static IReadOnlyList<PropertyEntry> Read(byte[] utf8)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF) utf8 = utf8[3..];
        var root = PositionedJsonParser.Parse(utf8, new LineIndex(utf8), out _, out _);
        if (root is not JObject obj) return [];
        int index = -1;
        for (int i = 0; i < obj.Members.Count; i++)
            if (obj.Members[i].Name == "properties" && obj.Members[i].Value is JArray) index = i;
        if (index < 0) return [];
        var items = ((JArray)obj.Members[index].Value).Items;
        var arrayEnd = index + 1 < obj.Members.Count ? obj.Members[index + 1].NamePosition : EndOfFile;
        var entries = new List<PropertyEntry>();
        for (int i = 0; i < items.Count; i++)
        {
            var end = i + 1 < items.Count ? items[i + 1].Position : arrayEnd;
            var members = (items[i] as JObject)?.Members ?? [];
            var name = members.FirstOrDefault(m => m.Name == "name")?.Value as JString;
            var kind = members.FirstOrDefault(m => m.Name == "kind")?.Value as JString;
            entries.Add(new PropertyEntry(items[i].Position, end, name?.Value, name?.Position, kind?.Value));
        }
        return entries;
    }
}
