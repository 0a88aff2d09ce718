using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The cheap certified upper bounds on L_{p,q} that need no solver (before float64 inflation):
/// forward propagation of the unit p-ball of tangents (<see cref="TangentBounds"/>) and the backward
/// interval Jacobian (<see cref="GradientLipschitzBound"/>). Both are sound, so their minimum is.</summary>
public static class IntervalUpperBounds
{
    public static double Forward(LipschitzQuery query, TangentBounds tangentBounds) =>
        VectorNorm.Norm(query.SelectedOutputs.Select(o => tangentBounds.Magnitude(query.Network.OutputIndex, o)).ToArray(), query.OutputNorm);

    public static double Gradient(LipschitzQuery query, NetworkBounds bounds, IntervalMatrix[]? forwardJacobians = null) =>
        GradientLipschitzBound.Compute(bounds, query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm, forwardJacobians);

    /// <summary>The smallest of the bounds the query switches on (<see cref="LipschitzQuery.GradientBounds"/>).</summary>
    public static double Best(LipschitzQuery query, NetworkBounds bounds, TangentBounds tangentBounds, IntervalMatrix[]? forwardJacobians = null) =>
        query.GradientBounds ? Math.Min(Forward(query, tangentBounds), Gradient(query, bounds, forwardJacobians)) : Forward(query, tangentBounds);

    /// <summary>The forward interval Jacobians of every node when some switch of the query uses them and they are
    /// cheap enough (else null).</summary>
    public static IntervalMatrix[]? ForwardJacobians(LipschitzQuery query, NetworkBounds bounds) =>
        (query.GradientBounds || query.TangentJacobians) && ForwardJacobianBounds.Affordable(query.Network)
            ? ForwardJacobianBounds.Compute(bounds, query.FixedInputs) : null;
}
