using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Bounds;

/// <summary>A certified upper bound on L_{p,q}(f restricted to some outputs, box) from the interval Jacobian
/// (<see cref="JacobianBounds"/>, <see cref="IntervalJacobianNorm"/>). Sound because L is the largest
/// ‖J‖_{p→q} over the activation regions meeting the box (math.md, "Lipschitz constant") and every such J
/// lies in the interval matrix; fixed inputs are left out of the sup.</summary>
public static class GradientLipschitzBound
{
    /// <param name="forwardJacobians">optional <see cref="ForwardJacobianBounds"/> of the same box, intersected
    /// with the backward bounds at the output.</param>
    public static double Compute(NetworkBounds bounds, int[] outputs, bool[] fixedInputs, NormKind p, NormKind q,
        IntervalMatrix[]? forwardJacobians = null)
    {
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        if (free.Length == 0 || outputs.Length == 0) return 0.0;
        var jacobian = JacobianBounds.Compute(bounds, outputs, fixedInputs);
        if (forwardJacobians is not null)
            jacobian = jacobian.Intersect(forwardJacobians[bounds.Network.OutputIndex].SelectRows(outputs));
        return IntervalJacobianNorm.Upper(jacobian.SelectColumns(free), p, q);
    }
}
