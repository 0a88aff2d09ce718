namespace VerifyGate.Core.Specs;

/// <summary>What a property bounds; see design/math.md for each quantity.</summary>
public enum PropertyKind
{
    Lipschitz,
    Invertibility,
    InvertibilityRadius,
    PreimageRadius,
    Matching,
    Robustness,
}

public static class PropertyKinds
{
    /// <summary>The spellings used in property files, in the order the documentation lists them.</summary>
    public static IReadOnlyList<(string Name, PropertyKind Kind)> All { get; } =
    [
        ("lipschitz", PropertyKind.Lipschitz),
        ("invertibility", PropertyKind.Invertibility),
        ("invertibility-radius", PropertyKind.InvertibilityRadius),
        ("preimage-radius", PropertyKind.PreimageRadius),
        ("matching", PropertyKind.Matching),
        ("robustness", PropertyKind.Robustness),
    ];

    public static string ToFileName(this PropertyKind kind) => All.First(k => k.Kind == kind).Name;

    public static PropertyKind? Parse(string name)
    {
        foreach (var (text, kind) in All)
            if (text == name) return kind;
        return null;
    }

    /// <summary>Radius kinds search a ball around <c>center</c> instead of a <c>domain</c> box.</summary>
    public static bool IsRadiusKind(this PropertyKind kind) =>
        kind is PropertyKind.InvertibilityRadius or PropertyKind.PreimageRadius;

    /// <summary>Radius kinds and robustness (its worst margin) bound their quantity from below (<c>atLeast</c>); the
    /// others from above (<c>atMost</c>).</summary>
    public static ThresholdDirection ThresholdDirection(this PropertyKind kind) =>
        kind.IsRadiusKind() || kind == PropertyKind.Robustness ? Specs.ThresholdDirection.AtLeast : Specs.ThresholdDirection.AtMost;
}
