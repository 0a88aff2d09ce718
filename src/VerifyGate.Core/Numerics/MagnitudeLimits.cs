namespace VerifyGate.Core.Numerics;

/// <summary>The magnitudes VerifyGate certifies with: beyond them SCIP (feasibility tolerance 1e-9,
/// numerics/infinity 1e20) was measured to return wrong bounds or fail (docs/benchmarks.md, "Numerics";
/// docs/diagnostics.md, VG1030 and VG3020-VG3021).</summary>
public static class MagnitudeLimits
{
    /// <summary>Domain ends, centres, radii, maxRadius and outputTolerance of a property file. The model
    /// sees its inputs in float32, which has no resolution below 0.06 beyond 1e6, and the first layer's
    /// big-M constants are at least this large.</summary>
    public const double SpecValue = 1e6;

    /// <summary>Pre-activation bounds (big-M constants and variable bounds of the forward encoding).
    /// Measured: answers stayed right up to 4.5e8 and went wrong from 1e9 on the known-answer networks;
    /// the limit keeps a factor 100 in hand for larger networks, whose LPs are worse conditioned.</summary>
    public const double BigM = 1e7;

    /// <summary>Tangent bounds (the big-M constants of the Lipschitz tangent encoding). Interval propagation
    /// overestimates them by orders of magnitude in deep networks: ACAS Xu (6 layers of 50) reaches 1.4e7
    /// on the property-2 box with bounds that hold against sampling and ONNX Runtime. A factor 10 below
    /// the first failure measured.</summary>
    public const double TangentBigM = 1e8;
}
