using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The cheap certified upper bounds on L_{p,q} that need no solver (before float64 inflation):
/// forward propagation of the unit p-ball of tangents (<see cref="TangentBounds"/>), the backward
/// interval Jacobian (<see cref="GradientLipschitzBound"/>) and the linear relaxation of the backward pass
/// (<see cref="LinearJacobianBound"/>). All are sound, so their minimum is.</summary>
public static class IntervalUpperBounds
{
    public static double Forward(LipschitzQuery query, TangentBounds tangentBounds) =>
        VectorNorm.Norm(query.SelectedOutputs.Select(o => tangentBounds.Magnitude(query.Network.OutputIndex, o)).ToArray(), query.OutputNorm);

    public static double Gradient(LipschitzQuery query, NetworkBounds bounds, IntervalMatrix[]? forwardJacobians = null) =>
        GradientLipschitzBound.Compute(bounds, query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm, forwardJacobians);

    /// <summary>The linear relaxation of the backward pass, its chords at the input sharpened by the interval Jacobian.</summary>
    public static double Linear(LipschitzQuery query, NetworkBounds bounds, IntervalMatrix[]? forwardJacobians = null) =>
        LinearJacobianBound.Compute(bounds, query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm,
            GradientLipschitzBound.Enclosure(bounds, query.SelectedOutputs, query.FixedInputs, forwardJacobians));

    /// <summary>The smallest of the bounds the query switches on (<see cref="LipschitzQuery.GradientBounds"/>,
    /// <see cref="LipschitzQuery.LinearGradientBounds"/>).</summary>
    public static double Best(LipschitzQuery query, NetworkBounds bounds, TangentBounds tangentBounds, IntervalMatrix[]? forwardJacobians = null)
    {
        double best = Forward(query, tangentBounds);
        if (!query.GradientBounds) return best;
        var enclosure = GradientLipschitzBound.Enclosure(bounds, query.SelectedOutputs, query.FixedInputs, forwardJacobians);
        best = Math.Min(best, GradientLipschitzBound.Compute(enclosure, query.FixedInputs, query.InputNorm, query.OutputNorm));
        if (query.LinearGradientBounds)
            best = Math.Min(best, LinearJacobianBound.Compute(bounds, query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm, enclosure));
        return best;
    }

    /// <summary>The forward interval Jacobians of every node when some switch of the query uses them and they are
    /// cheap enough (else null).</summary>
    public static IntervalMatrix[]? ForwardJacobians(LipschitzQuery query, NetworkBounds bounds) =>
        (query.GradientBounds || query.TangentJacobians) && ForwardJacobianBounds.Affordable(query.Network)
            ? ForwardJacobianBounds.Compute(bounds, query.FixedInputs) : null;
}
