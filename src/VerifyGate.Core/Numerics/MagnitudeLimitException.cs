namespace VerifyGate.Core.Numerics;

/// <summary>Which encoding constant went beyond <see cref="MagnitudeLimits.BigM"/>.</summary>
public enum BoundKind
{
    /// <summary>A pre-activation (node value) bound: a big-M constant of the forward encoding.</summary>
    PreActivation,
    /// <summary>A tangent bound: a big-M constant of the Lipschitz tangent encoding.</summary>
    Tangent,
}

/// <summary>Bound propagation produced a constant too large for the solver to be trusted with; the
/// checker turns it into a VG3020 (pre-activation) or VG3021 (tangent) diagnostic.</summary>
public sealed class MagnitudeLimitException(BoundKind kind, LargestBound largest, double limit)
    : Exception($"the {(kind == BoundKind.Tangent ? "tangent" : "pre-activation")} bounds of node '{largest.NodeName}' (value {largest.Index}) " +
                $"reach {largest.Magnitude:G3}, above {limit:G3}")
{
    public BoundKind Kind { get; } = kind;
    public LargestBound Largest { get; } = largest;
    public double Limit { get; } = limit;
}
