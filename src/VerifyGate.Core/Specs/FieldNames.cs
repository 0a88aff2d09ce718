namespace VerifyGate.Core.Specs;

/// <summary>The field names of the format (design/spec-format.md) and the hint for misspelt ones.</summary>
internal static class FieldNames
{
    public const string Schema = "$schema", Model = "model", Defaults = "defaults", Properties = "properties";

    public const string Name = "name", Kind = "kind", Domain = "domain", InputNorm = "inputNorm",
        OutputNorm = "outputNorm", Norm = "norm", Outputs = "outputs", AtMost = "atMost", AtLeast = "atLeast",
        TimeLimitSeconds = "timeLimitSeconds", OnInconclusive = "onInconclusive", Solver = "solver",
        OutputTolerance = "outputTolerance", Center = "center", Fixed = "fixed", MaxRadius = "maxRadius",
        Separation = "separation", Reference = "reference", Label = "label", Constraints = "constraints", VnnLib = "vnnlib";

    public const string Lower = "lower", Upper = "upper", Radius = "radius";

    public static readonly string[] RootFields = [Schema, Model, Defaults, Properties];

    public static readonly string[] PropertyFields =
    [
        Name, Kind, Domain, InputNorm, OutputNorm, Norm, Outputs, AtMost, AtLeast, TimeLimitSeconds,
        OnInconclusive, Solver, OutputTolerance, Center, Fixed, MaxRadius, Separation, Reference, Label, Constraints, VnnLib,
    ];

    /// <summary>Everything but the name may be given file-wide.</summary>
    public static readonly string[] DefaultsFields = PropertyFields.Where(f => f != Name).ToArray();

    public static readonly string[] DomainFields = [Lower, Upper, Center, Radius];

    /// <summary>The kinds a kind-specific field applies to; fields not listed apply to every kind.</summary>
    public static IReadOnlyList<PropertyKind>? KindsOf(string field) => field switch
    {
        Domain => [PropertyKind.Lipschitz, PropertyKind.Invertibility, PropertyKind.Matching, PropertyKind.Robustness],
        OutputTolerance => [PropertyKind.Invertibility, PropertyKind.Matching],
        Center or Fixed or MaxRadius or Separation => [PropertyKind.InvertibilityRadius, PropertyKind.PreimageRadius],
        Reference => [PropertyKind.Matching],
        Label or Constraints or VnnLib => [PropertyKind.Robustness],
        _ => null,
    };

    /// <summary>The known name a misspelt one most likely meant: same letters in another case,
    /// else the nearest by edit distance when it is close enough to be a typo.</summary>
    public static string? ClosestTo(string name, IEnumerable<string> known)
    {
        var candidates = known.ToArray();
        var sameLetters = candidates.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (sameLetters != null) return sameLetters;
        var best = candidates
            .Select(k => (Name: k, Distance: EditDistance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .MinBy(c => c.Distance);
        return best.Name != null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
