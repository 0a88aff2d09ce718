using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>An activation region with interior inside the box: its pattern, a point with the radius
/// of a Euclidean ball (over the free inputs) around it that stays inside region and box, the
/// Jacobian of the network there (all outputs × free inputs), and the half-spaces that cut it out.</summary>
public sealed record LinearRegion(
    ActivationPattern Pattern,
    double[] Point,
    double Radius,
    double[,] Jacobian,
    IReadOnlyList<HalfSpace> Constraints);

/// <summary>All activation regions of a network that have interior in a box. Points and Jacobians
/// are over the free inputs (those with lo &lt; hi); <see cref="FixedValues"/> gives the full input
/// vector's fixed entries.</summary>
public sealed record RegionEnumeration(
    Network Network,
    double[] Lo,
    double[] Hi,
    int[] FreeInputs,
    IReadOnlyList<LinearRegion> Regions,
    int LpSolves)
{
    /// <summary>The full input vector for a point over the free inputs.</summary>
    public double[] FullInput(ReadOnlySpan<double> free)
    {
        var x = (double[])Lo.Clone();
        for (int k = 0; k < FreeInputs.Length; k++) x[FreeInputs[k]] = free[k];
        return x;
    }
}
