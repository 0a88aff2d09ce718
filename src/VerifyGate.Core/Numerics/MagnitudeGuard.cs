using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;

namespace VerifyGate.Core.Numerics;

/// <summary>Refuses bounds beyond a limit before any solver model is built from them
/// (a NaN or infinite bound is beyond every limit).</summary>
public static class MagnitudeGuard
{
    public static void CheckPreActivation(NetworkBounds bounds, double limit) =>
        Check(BoundKind.PreActivation, LargestBound.Of(bounds), limit);

    public static void CheckTangents(NetworkBounds bounds, TangentBounds tangents, double limit) =>
        Check(BoundKind.Tangent, LargestBound.Of(bounds, tangents), limit);

    private static void Check(BoundKind kind, LargestBound largest, double limit)
    {
        if (!(largest.Magnitude <= limit)) throw new MagnitudeLimitException(kind, largest, limit);
    }
}
