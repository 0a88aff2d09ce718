namespace VerifyGate.Core.Specs;

public enum ThresholdDirection
{
    /// <summary>The certified upper bound of the quantity must be &lt;= the value.</summary>
    AtMost,
    /// <summary>The certified lower bound of the quantity must be &gt;= the value.</summary>
    AtLeast,
}

public sealed record Threshold(ThresholdDirection Direction, double Value)
{
    public string FieldName => Direction == ThresholdDirection.AtMost ? "atMost" : "atLeast";

    public override string ToString() => $"{FieldName} {Value}";
}
