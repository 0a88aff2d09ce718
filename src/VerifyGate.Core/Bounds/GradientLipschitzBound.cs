using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Bounds;

/// <summary>A certified upper bound on L_{p,q}(f restricted to some outputs, box) from the interval Jacobian
/// (<see cref="JacobianBounds"/>, <see cref="IntervalJacobianNorm"/>). Sound because L is the largest
/// ‖J‖_{p→q} over the activation regions meeting the box (math.md, "Lipschitz constant") and every such J
/// lies in the interval matrix; fixed inputs are left out of the sup.</summary>
public static class GradientLipschitzBound
{
    /// <param name="forwardJacobians">optional <see cref="ForwardJacobianBounds"/> of the same box (see <see cref="Enclosure"/>).</param>
    public static double Compute(NetworkBounds bounds, int[] outputs, bool[] fixedInputs, NormKind p, NormKind q,
        IntervalMatrix[]? forwardJacobians = null)
    {
        if (outputs.Length == 0) return 0.0;
        return Compute(Enclosure(bounds, outputs, fixedInputs, forwardJacobians), fixedInputs, p, q);
    }

    /// <summary>The bound from an interval Jacobian already computed (<see cref="Enclosure"/>).</summary>
    public static double Compute(IntervalMatrix enclosure, bool[] fixedInputs, NormKind p, NormKind q)
    {
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        if (free.Length == 0 || enclosure.Rows == 0) return 0.0;
        return IntervalJacobianNorm.Upper(enclosure.SelectColumns(free), p, q);
    }

    /// <summary>The tightest interval Jacobian (outputs x inputs) available: the backward one, intersected, when
    /// forward Jacobians are given, with the forward one at the output and with the products at cut nodes
    /// (<see cref="CutNodeJacobianBounds"/>).</summary>
    public static IntervalMatrix Enclosure(NetworkBounds bounds, int[] outputs, bool[] fixedInputs, IntervalMatrix[]? forwardJacobians)
    {
        var sensitivities = JacobianBounds.Sensitivities(bounds, outputs);
        var jacobian = JacobianBounds.Compute(sensitivities, outputs.Length, fixedInputs);
        if (forwardJacobians is null) return jacobian;
        jacobian = jacobian.Intersect(forwardJacobians[bounds.Network.OutputIndex].SelectRows(outputs));
        return CutNodeJacobianBounds.Tighten(jacobian, bounds.Network, sensitivities, forwardJacobians);
    }
}
