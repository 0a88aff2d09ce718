namespace VerifyGate.Core.Specs;

/// <summary>A 1-based line and column in a text file; columns count UTF-16 characters, as editors do.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition FileStart { get; } = new(1, 1);

    public override string ToString() => $"({Line},{Column})";
}
