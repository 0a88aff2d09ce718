namespace VerifyGate.Core.Norms;

/// <summary>The vector norms VerifyGate works with: l1, l2 and l-infinity.</summary>
public enum NormKind
{
    One,
    Two,
    Inf,
}

public static class NormKindExtensions
{
    /// <summary>The dual norm: 1 ↔ inf, 2 ↔ 2 (‖y‖_{p*} = max over ‖v‖_p &lt;= 1 of yᵀv).</summary>
    public static NormKind Dual(this NormKind p) => p switch
    {
        NormKind.One => NormKind.Inf,
        NormKind.Two => NormKind.Two,
        NormKind.Inf => NormKind.One,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown norm"),
    };

    /// <summary>"1", "2" or "inf", as written in specs and reports.</summary>
    public static string Label(this NormKind p) => p switch
    {
        NormKind.One => "1",
        NormKind.Two => "2",
        NormKind.Inf => "inf",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown norm"),
    };

    public static readonly IReadOnlyList<NormKind> All = [NormKind.One, NormKind.Two, NormKind.Inf];
}
