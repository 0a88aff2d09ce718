using VerifyGate.Core.Problems;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary>The reference values of math.md on para_dep_bru.onnx (b fixed at 2.1, l_inf): the certified
/// interval contains the reference and is narrower than 1e-3, and the witness lies where math.md says.</summary>
public class BrusselatorRadiusTests(ITestOutputHelper output)
{
    public static string ModelPath => TestPaths.Model("brusselator/para_dep_bru.onnx");

    public static TwoCopyQuery Query(TwoCopyKind kind, double[] center, double maxRadius, RadiusMethod method = RadiusMethod.Direct) => new()
    {
        Kind = kind,
        Network = OnnxImporter.Load(ModelPath).Network,
        Lower = [center[0] - maxRadius, center[1] - maxRadius, center[2]],
        Upper = [center[0] + maxRadius, center[1] + maxRadius, center[2]],
        Center = center,
        Separation = 1e-3,
        Exact = true,
        RelativeGap = 1e-5,
        RadiusMethod = method,
        TimeLimitSeconds = double.TryParse(Environment.GetEnvironmentVariable("VG_TL"), out var tl) ? tl : 120,
    };

    public static readonly double[] FirstCenter = [1.96433, 1.24951, 2.1];
    public static readonly double[] SecondCenter = [0.666201, 1.99221, 2.1];

    private CertifiedBounds Run(TwoCopyQuery query)
    {
        using var runtime = new OnnxRuntimeModel(ModelPath);
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query, new RuntimeOracle(runtime));
        output.WriteLine($"{query.Kind} at ({string.Join(", ", query.Center!)}): [{result.Lower:G8}, {result.Upper:G8}] in {result.Elapsed.TotalSeconds:F1} s; " +
                         $"witness x = ({string.Join(", ", result.Witness?.X.Select(v => v.ToString("G6")) ?? [])}), y = ({string.Join(", ", result.Witness?.Y.Select(v => v.ToString("G6")) ?? [])})");
        foreach (var note in result.Notes) output.WriteLine("  " + note);
        return result;
    }

    [Fact]
    public void Preimage_radius_at_the_first_centre_matches_the_reference()
    {
        var result = Run(Query(TwoCopyKind.PreimageRadius, FirstCenter, 6));
        AssertRadius(result, 2.7738);
        Assert.Equal(4.738, result.Witness!.X[0], 0.01);
        Assert.Equal(-1.106, result.Witness.X[1], 0.01);
    }

    [Fact]
    public void Invertibility_radius_at_the_first_centre_matches_the_reference()
    {
        var result = Run(Query(TwoCopyKind.InvertibilityRadius, FirstCenter, 3));
        AssertRadius(result, 0.6553);
    }

    private static void AssertRadius(CertifiedBounds result, double reference)
    {
        Assert.NotNull(result.Lower);
        Assert.NotNull(result.Upper);
        Assert.InRange(reference, result.Lower!.Value - 1e-3, result.Upper!.Value + 1e-3);
        Assert.True(result.Upper - result.Lower <= 1e-3, $"gap [{result.Lower}, {result.Upper}]");
        Assert.NotNull(result.Witness);
    }
}

internal sealed class RuntimeOracle(OnnxRuntimeModel runtime) : IModelOracle
{
    public double[] Evaluate(double[] input) => runtime.Evaluate(input);
}
