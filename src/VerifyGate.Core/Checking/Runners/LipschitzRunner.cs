using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking.Runners;

/// <summary>kind "lipschitz": certified bounds on L_{p,q} over the domain box (input splitting or the plain
/// engine, whichever <see cref="LipschitzRoute"/> picks for the network and box).</summary>
public sealed class LipschitzRunner : IPropertyRunner
{
    public PropertyKind Kind => PropertyKind.Lipschitz;

    public string QuantityName(ResolvedProperty property) =>
        $"L_{property.Spec.InputNorm.Label()},{property.Spec.OutputNorm.Label()}";

    public BoundsRun Run(PropertyRunContext context)
    {
        var property = context.Property;
        var spec = property.Spec;
        var query = new LipschitzQuery
        {
            Network = context.Model.Imported.Network,
            Lower = [.. property.Lower],
            Upper = [.. property.Upper],
            InputNorm = spec.InputNorm,
            OutputNorm = spec.OutputNorm,
            Outputs = [.. property.Outputs],
            AtMost = spec.Threshold.Direction == ThresholdDirection.AtMost ? spec.Threshold.Value : null,
            Exact = context.Exact,
            TimeLimitSeconds = context.TimeLimitSeconds,
        };
        var result = new LipschitzRoute(context.Solver).Solve(query, context.Oracle, context.Progress, context.Cancellation);
        return BoundsRun.From(result);
    }
}
