namespace VerifyGate.Core.Specs.Json;

/// <summary>A minimal JSON DOM that remembers where each token starts (System.Text.Json's DOMs do not).</summary>
internal abstract record JNode(SourcePosition Position)
{
    /// <summary>"a number", "an array", ... for messages.</summary>
    public abstract string Description { get; }
}

internal sealed record JMember(string Name, SourcePosition NamePosition, JNode Value);

internal sealed record JObject(SourcePosition Position, IReadOnlyList<JMember> Members) : JNode(Position)
{
    public override string Description => "an object";
}

internal sealed record JArray(SourcePosition Position, IReadOnlyList<JNode> Items) : JNode(Position)
{
    public override string Description => "an array";
}

internal sealed record JString(SourcePosition Position, string Value) : JNode(Position)
{
    public override string Description => $"the string \"{Value}\"";
}

/// <summary>A number kept as its source text, so overflow (1e999) can be told apart from a value.</summary>
internal sealed record JNumber(SourcePosition Position, string Text) : JNode(Position)
{
    public override string Description => $"the number {Text}";
}

internal sealed record JBool(SourcePosition Position, bool Value) : JNode(Position)
{
    public override string Description => Value ? "true" : "false";
}

internal sealed record JNull(SourcePosition Position) : JNode(Position)
{
    public override string Description => "null";
}
