using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Specs;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Checking.Runners;

/// <summary>Kinds "invertibility", "invertibility-radius", "preimage-radius" and "matching" (TwoCopyEngine).
/// The witness is the pair behind the bound that can show a violation: the lower bound of the atMost
/// kinds, the upper bound of the radius kinds. The first note says what the certified bound means.</summary>
public sealed class TwoCopyRunner(PropertyKind kind) : IPropertyRunner
{
    public PropertyKind Kind => kind;

    public static IReadOnlyList<IPropertyRunner> All { get; } =
    [
        new TwoCopyRunner(PropertyKind.Invertibility),
        new TwoCopyRunner(PropertyKind.InvertibilityRadius),
        new TwoCopyRunner(PropertyKind.PreimageRadius),
        new TwoCopyRunner(PropertyKind.Matching),
    ];

    public string QuantityName(ResolvedProperty property) => kind switch
    {
        PropertyKind.Invertibility => $"D_{property.Spec.InputNorm.Label()},{property.Spec.OutputNorm.Label()}",
        PropertyKind.InvertibilityRadius => "invertibility radius r*",
        PropertyKind.PreimageRadius => "preimage radius R*",
        _ => $"M_{property.Spec.OutputNorm.Label()}",
    };

    public BoundsRun Run(PropertyRunContext context)
    {
        var property = context.Property;
        var spec = property.Spec;
        var network = context.Model.Imported.Network;
        IModelOracle? referenceOracle = null;
        Networks.Network? reference = null;
        if (kind == PropertyKind.Matching)
        {
            var path = spec.ReferencePath ?? throw new ArgumentException("matching needs a reference model");
            var loaded = context.Models.Get(path);
            reference = loaded.Imported.Network;
            if (reference.InputSize != network.InputSize)
            {
                var at = spec.Positions.Of("reference");
                throw new VerifyGateException(new Diagnostic(spec.File, at.Line, at.Column, SpecErrorCodes.InvalidValue,
                    $"the reference model '{Path.GetFileName(path)}' has {reference.InputSize} inputs but the model has {network.InputSize}: " +
                    "matching compares two networks on the same inputs"));
            }
            referenceOracle = loaded.Oracle;
        }
        double? maxRadius = spec.MaxRadius;
        var query = new TwoCopyQuery
        {
            Kind = ToKind(kind),
            Network = network,
            Reference = reference,
            Lower = [.. property.Lower],
            Upper = [.. property.Upper],
            Center = spec.Center is { } c ? [.. c] : null,
            InputNorm = spec.InputNorm,
            OutputNorm = spec.OutputNorm,
            Outputs = [.. property.Outputs],
            OutputTolerance = spec.OutputTolerance,
            Separation = spec.Separation ?? 1e-4 * (maxRadius ?? 1),
            Threshold = spec.Threshold.Value,
            Exact = context.Exact,
            TimeLimitSeconds = context.TimeLimitSeconds,
        };
        var result = new TwoCopyEngine(context.Solver).Solve(query, context.Oracle, referenceOracle, context.Progress, context.Cancellation);
        return BoundsRun.From(result, CheckResult.MeaningPrefix + Meaning(kind, result, query));
    }

    /// <summary>What the certified bound means, in one phrase (shown by <c>verifygate check</c>).</summary>
    public static string Meaning(PropertyKind kind, CertifiedBounds result, TwoCopyQuery query)
    {
        string upper = ResultText.Number(result.Upper), lower = ResultText.Number(result.Lower);
        string eta = query.OutputTolerance > 0 ? $" (within {ResultText.Number(query.OutputTolerance)})" : "";
        return kind switch
        {
            PropertyKind.Invertibility => $"no two inputs farther apart than {upper} share an output{eta}",
            PropertyKind.InvertibilityRadius => $"one-to-one within {lower} of the centre (inputs closer than {ResultText.Number(query.Separation)} count as one)",
            PropertyKind.PreimageRadius => $"no other input within {lower} of the centre has the centre's output",
            _ => $"inputs the reference maps to the same output{eta} differ by at most {upper} in the model's output",
        };
    }

    private static TwoCopyKind ToKind(PropertyKind kind) => kind switch
    {
        PropertyKind.Invertibility => TwoCopyKind.Invertibility,
        PropertyKind.InvertibilityRadius => TwoCopyKind.InvertibilityRadius,
        PropertyKind.PreimageRadius => TwoCopyKind.PreimageRadius,
        PropertyKind.Matching => TwoCopyKind.Matching,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a two-copy kind"),
    };
}
