using VerifyGate.Core.Numerics;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>VG3020/VG3021: a big-M constant found by bound propagation is too large to trust the solver
/// with. Reported at the property's domain (its maxRadius for the radius kinds), which sets the bounds.</summary>
internal static class MagnitudeDiagnostic
{
    public static Diagnostic For(PropertySpec spec, MagnitudeLimitException e)
    {
        var largest = e.Largest;
        bool tangent = e.Kind == BoundKind.Tangent;
        string field = spec.Kind.IsRadiusKind() ? FieldNames.MaxRadius : FieldNames.Domain;
        string what = tangent ? "tangent bounds (how much the node can amplify an input change)" : "pre-activation bounds";
        string fix = tangent
            ? "the model's weights multiply to this gain: rescale them (divide a layer's weights by a constant and scale the threshold with it)"
            : "shrink the domain, or rescale the model's inputs or weights";
        return ErrorResults.At(spec, field, tangent ? CheckCodes.TangentBoundTooLarge : CheckCodes.PreActivationBoundTooLarge,
            $"property '{spec.Name}': the {what} of model node '{largest.NodeName}' (value {largest.Index}) reach {largest.Magnitude:G3} " +
            $"on this {(spec.Kind.IsRadiusKind() ? "ball" : "domain")}, above {e.Limit:G3}, the largest big-M constant the solver is reliable with: {fix}");
    }
}
