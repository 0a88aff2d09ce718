using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>The members of one JSON object by name, after reporting unknown and repeated names.</summary>
internal sealed class ObjectFields
{
    private readonly Dictionary<string, JMember> _members = new(StringComparer.Ordinal);

    /// <param name="context">Names the object in messages: "a property", "defaults", "domain".</param>
    public ObjectFields(JObject obj, IReadOnlyCollection<string> known, string context, DiagnosticBag bag,
        Func<string, string?>? explainUnknown = null)
    {
        Object = obj;
        foreach (var member in obj.Members)
        {
            if (!known.Contains(member.Name))
            {
                string message = explainUnknown?.Invoke(member.Name) ?? UnknownMessage(member.Name, known, context);
                bag.Error(member.NamePosition, SpecErrorCodes.UnknownField, message);
            }
            else if (!_members.TryAdd(member.Name, member))
                bag.Error(member.NamePosition, SpecErrorCodes.DuplicateField, $"'{member.Name}' is given twice in {context}");
        }
    }

    public JObject Object { get; }

    public JMember? this[string name] => _members.GetValueOrDefault(name);

    public bool Has(string name) => _members.ContainsKey(name);

    private static string UnknownMessage(string name, IReadOnlyCollection<string> known, string context)
    {
        string? closest = FieldNames.ClosestTo(name, known);
        return closest != null
            ? $"unknown field '{name}' in {context}; did you mean '{closest}'?"
            : $"unknown field '{name}' in {context}; known fields: {string.Join(", ", known)}";
    }
}
