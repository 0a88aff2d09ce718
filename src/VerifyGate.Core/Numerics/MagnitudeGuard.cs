using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;

namespace VerifyGate.Core.Numerics;

/// <summary>Refuses bounds beyond a limit before any solver model is built from them (a NaN or infinite
/// bound is beyond every limit). Names the first node, in topological order, that goes beyond: where the
/// magnitude comes from, the nodes after it inherit it.</summary>
public static class MagnitudeGuard
{
    public static void CheckPreActivation(NetworkBounds bounds, double limit) =>
        Check(BoundKind.PreActivation, LargestBound.PerNode(bounds), limit);

    public static void CheckTangents(NetworkBounds bounds, TangentBounds tangents, double limit) =>
        Check(BoundKind.Tangent, LargestBound.PerNode(bounds, tangents), limit);

    private static void Check(BoundKind kind, IEnumerable<LargestBound> perNode, double limit)
    {
        foreach (var largest in perNode)
            if (!(largest.Magnitude <= limit)) throw new MagnitudeLimitException(kind, largest, limit);
    }
}
