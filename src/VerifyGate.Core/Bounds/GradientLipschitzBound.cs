using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Bounds;

/// <summary>A certified upper bound on L_{p,q}(f restricted to some outputs, box) from the interval Jacobian
/// (<see cref="JacobianBounds"/>, <see cref="IntervalJacobianNorm"/>). Sound because L is the largest
/// ‖J‖_{p→q} over the activation regions meeting the box (math.md, "Lipschitz constant") and every such J
/// lies in the interval matrix; fixed inputs are left out of the sup.</summary>
public static class GradientLipschitzBound
{
    public static double Compute(NetworkBounds bounds, int[] outputs, bool[] fixedInputs, NormKind p, NormKind q)
    {
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        if (free.Length == 0 || outputs.Length == 0) return 0.0;
        var jacobian = JacobianBounds.Compute(bounds, outputs, fixedInputs).SelectColumns(free);
        return IntervalJacobianNorm.Upper(jacobian, p, q);
    }
}
