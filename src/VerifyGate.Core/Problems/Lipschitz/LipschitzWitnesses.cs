using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Turns points, patterns and solver incumbents into confirmed witness pairs. A witness's
/// ratio is computed here in float64 and must be reproduced by the independent oracle (ONNX Runtime)
/// to float32 accuracy before it may serve as a certified lower bound.</summary>
public sealed class LipschitzWitnesses(LipschitzQuery query, NetworkBounds bounds, IModelOracle? oracle)
{
    private readonly object _gate = new();
    private readonly List<string> _notes = new();

    public Witness? Best { get; private set; }
    public IModelOracle? Oracle => oracle;
    public IReadOnlyList<string> Notes { get { lock (_gate) return _notes.ToList(); } }

    public double? Lower { get { lock (_gate) return Best?.Ratio; } }

    /// <summary>The pair through x along the pattern's maximising direction (or <paramref name="fallbackDirection"/>
    /// when the exact norm cannot be enumerated). Returns the confirmed ratio, or null.</summary>
    public double? FromPoint(double[] x, ActivationPattern pattern, double[]? fallbackDirection = null)
    {
        var network = query.Network;
        var jacobian = network.Jacobian(pattern);
        var direction = PatternNorm.Compute(jacobian, query.SelectedOutputs, query.FixedInputs, query.InputNorm, query.OutputNorm)?.Direction
                        ?? fallbackDirection;
        if (direction is null || direction.All(d => d == 0)) return null;
        var pair = WitnessPair.Build(network, pattern, x, direction, query.Lower, query.Upper);
        return pair is var (a, b) ? Offer(a, b) : null;
    }

    /// <summary>A witness from a solver incumbent: the incumbent's pattern, moved to a point deep inside
    /// its region when the region has interior; otherwise the pattern the network really has at x.</summary>
    public double? FromIncumbent(double[] x, ActivationPattern pattern, double[] solverDirection)
    {
        var map = LocalAffineMap.Of(query.Network, pattern);
        var region = PatternRegion.Classify(bounds, pattern, map, RegionSeconds);
        double? best = null;
        if (region is { Kind: RegionKind.Interior, Point: { } point })
            best = Max(best, FromPoint(point, pattern, solverDirection));
        best = Max(best, FromPoint(x, pattern, solverDirection));
        return Max(best, FromPoint(x, query.Network.PatternAt(x), solverDirection));
    }

    private const double RegionSeconds = 5;

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>Evaluates a pair, confirms it with the oracle, and keeps it if it is the best so far.
    /// The ratio is made conservative against float64 evaluation error, and pairs too close to carry
    /// a meaningful difference are refused.</summary>
    public double? Offer(double[] x, double[] y)
    {
        var network = query.Network;
        double distance = VectorNorm.Norm(x.Select((xi, i) => xi - y[i]).ToArray(), query.InputNorm);
        double scale = 1 + x.Concat(y).Max(Math.Abs);
        if (!(distance >= MinimumSeparation * scale)) return null;
        var fx = network.Evaluate(x);
        var fy = network.Evaluate(y);
        var difference = query.SelectedOutputs.Select(o => fx[o] - fy[o]).ToArray();
        double evaluationError = EvaluationErrorFactor * query.SelectedOutputs.Length
                                 * (1 + query.SelectedOutputs.Max(o => Math.Max(Math.Abs(fx[o]), Math.Abs(fy[o]))));
        double ratio = Math.Max(0, VectorNorm.Norm(difference, query.OutputNorm) - evaluationError) / distance;
        // A pair with no measurable output difference shows nothing: it is no witness.
        if (!double.IsFinite(ratio) || !(ratio > 0)) return null;
        lock (_gate)
            if (Best?.Ratio >= ratio) return ratio;
        if (oracle is not null && !Confirmed(x, y, fx, fy, ratio, out double oracleRatio))
        {
            lock (_gate) _notes.Add($"a witness with ratio {ratio:G9} was not confirmed by ONNX Runtime (it computes {oracleRatio:G9}); it is not used");
            return null;
        }
        lock (_gate)
            if (!(Best?.Ratio >= ratio)) Best = new Witness(x, y, ratio, fx, fy);
        return ratio;
    }

    /// <summary>Pairs closer than this (relative to the inputs' magnitude) are not used as witnesses.</summary>
    public const double MinimumSeparation = 1e-7;

    /// <summary>A generous bound on the relative float64 error of one output of the network.</summary>
    private const double EvaluationErrorFactor = 1e-12;

    private bool Confirmed(double[] x, double[] y, double[] fx, double[] fy, double ratio, out double oracleRatio)
    {
        var ox = oracle!.Evaluate(x);
        var oy = oracle.Evaluate(y);
        oracleRatio = WitnessPair.Ratio(ox, oy, x, y, query.SelectedOutputs, query.InputNorm, query.OutputNorm);
        double scale = query.SelectedOutputs.Sum(o => Math.Abs(fx[o]) + Math.Abs(fy[o])) + 1e-30;
        double distance = VectorNorm.Norm(x.Select((xi, i) => xi - y[i]).ToArray(), query.InputNorm);
        double tolerance = 1e-4 * ratio + 1e-5 * scale / distance;
        return Math.Abs(oracleRatio - ratio) <= tolerance;
    }
}
