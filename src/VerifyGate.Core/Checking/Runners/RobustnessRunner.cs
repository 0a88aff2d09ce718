using VerifyGate.Core.Problems.Robustness;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking.Runners;

/// <summary>kind "robustness": certified bounds on the worst margin of the output condition over the domain (or over
/// every box of a VNN-LIB file), by <see cref="RobustnessEngine"/>. The witness is the input with the smallest margin
/// found, with its outputs; it shows a violation when the margin is below the threshold.</summary>
public sealed class RobustnessRunner : IPropertyRunner
{
    public PropertyKind Kind => PropertyKind.Robustness;

    public string QuantityName(ResolvedProperty property) => "worst margin";

    public BoundsRun Run(PropertyRunContext context)
    {
        var property = context.Property;
        var query = new RobustnessQuery
        {
            Network = context.Model.Imported.Network,
            Cases = property.Cases ?? throw new ArgumentException($"robustness property '{property.Spec.Name}' has no cases"),
            AtLeast = property.Spec.Threshold.Value,
            Exact = context.Exact,
            TimeLimitSeconds = context.TimeLimitSeconds,
        };
        var result = new RobustnessEngine().Solve(query, context.Oracle, context.Progress, context.Cancellation);
        bool strict = query.Cases.Any(c => c.Condition.Strict);
        return BoundsRun.From(result, CheckResult.MeaningPrefix + Meaning(result, property.Spec, strict)) with { StrictAtZero = strict };
    }

    /// <summary>What the certified bounds mean, in one phrase.</summary>
    private static string Meaning(Problems.CertifiedBounds result, PropertySpec spec, bool strict)
    {
        string what = spec.Condition?.Label is int k ? $"output {k} stays the strict maximum" : "the output condition holds";
        string where = spec.VnnLibPath is not null ? $"on the input set of {Path.GetFileName(spec.VnnLibPath)}" : "over the domain";
        if (result.Lower is double lower && (strict ? lower > 0 : lower >= 0))
            return $"{what} everywhere {where}, with a margin of at least {ResultText.Number(lower)}";
        if (result.Upper is double upper && upper < 0 && result.Witness is { } w)
            return $"{what} is broken at x={ResultText.Vector(w.X)} (margin {ResultText.Number(upper)}, outputs {ResultText.Vector(w.OutputX ?? [])})";
        return $"the worst margin {where} is between the certified bounds";
    }
}
