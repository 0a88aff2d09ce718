using VerifyGate.Core.Checking;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>Turns candidate pairs (solver incumbents) into witnesses and keeps the best one.
/// A pair is accepted only when the coupled network's float64 outputs satisfy the coupling within
/// <see cref="CouplingTolerance"/> (a MIP solution satisfies f(x) = f(y) only up to solver tolerance)
/// and ONNX Runtime, on float32 inputs and weights, agrees within a further <see cref="OracleTolerance"/>;
/// for matching the model's own value must also be reproduced by its oracle.
/// Maximisation kinds keep the largest value, the radius kinds the smallest; a maximisation pair whose
/// value is not beyond <paramref name="resolution"/> (x = y, or outputs that do not measurably differ)
/// is no witness and is refused.</summary>
public sealed class PairWitnesses(TwoCopyQuery query, IModelOracle? oracle, IModelOracle? referenceOracle, double resolution = 0)
{
    /// <summary>Relative float64 tolerance on each coupled output: |f_j(x) − f_j(y)| ≤ η + 1e-6·(1 + max|f|).</summary>
    public const double CouplingTolerance = 1e-6;
    /// <summary>Extra relative tolerance for ONNX Runtime's float32 evaluation.</summary>
    public const double OracleTolerance = 2e-5;
    /// <summary>Pairs of the radius kinds must be separated by at least δ·(1 − this) (solver feasibility tolerance).</summary>
    public const double SeparationSlack = 1e-6;

    private readonly object _gate = new();
    private readonly List<string> _notes = new();
    private readonly double[]? _centerOutput = query.Kind == TwoCopyKind.PreimageRadius ? query.Network.Evaluate(query.Center!) : null;

    public Witness? Best { get; private set; }
    public double? BestValue { get { lock (_gate) return _bestValue; } }
    private double? _bestValue;

    public IReadOnlyList<string> Notes { get { lock (_gate) return _notes.ToList(); } }

    private bool Maximising => !query.IsRadius;

    /// <summary>Notes that go with every result of this kind (how witnesses were accepted).</summary>
    public static string AcceptanceNote(TwoCopyQuery query) =>
        $"witness pairs are accepted when |f_j(x) − f_j(y)| agrees with the coupling (η = {query.OutputTolerance:G6}) within " +
        $"{CouplingTolerance:G2}·(1 + max|f|) per output in float64, and within a further {OracleTolerance:G2}·(1 + max|f|) in ONNX Runtime (float32)" +
        (query.IsRadius ? $"; separated pairs differ by at least δ·(1 − {SeparationSlack:G2}) in some coordinate" : "");

    /// <summary>Checks a pair, and keeps it when it is the best so far. Returns its value, or null when refused.</summary>
    public double? Offer(double[] x, double[] y)
    {
        x = Clamp(x);
        y = query.Kind == TwoCopyKind.PreimageRadius ? (double[])query.Center!.Clone() : Clamp(y);
        var coupled = query.Reference ?? query.Network;
        int[] coupledOutputs = query.Reference is null ? query.SelectedOutputs : Enumerable.Range(0, coupled.OutputSize).ToArray();
        var fx = coupled.Evaluate(x);
        var fy = _centerOutput ?? coupled.Evaluate(y);
        double scale = 1 + coupledOutputs.Max(o => Math.Max(Math.Abs(fx[o]), Math.Abs(fy[o])));
        double allowance = CouplingTolerance * scale * NormFactor(coupledOutputs.Length);
        if (Gap(fx, fy, coupledOutputs) > query.OutputTolerance + allowance) return null;
        if (query.IsRadius && Distance(x, y, NormKind.Inf) < query.Separation * (1 - SeparationSlack)) return null;

        double value;
        double[] outX = fx, outY = fy;
        if (query.Kind == TwoCopyKind.Matching)
        {
            outX = query.Network.Evaluate(x);
            outY = query.Network.Evaluate(y);
            var outputs = query.SelectedOutputs;
            double evaluationError = 1e-12 * outputs.Length * (1 + outputs.Max(o => Math.Max(Math.Abs(outX[o]), Math.Abs(outY[o]))));
            value = Math.Max(0, VectorNorm.Norm(outputs.Select(o => outX[o] - outY[o]).ToArray(), query.OutputNorm) - evaluationError);
        }
        else if (query.IsRadius)
            value = Math.Max(Distance(x, query.Center!, query.InputNorm), Distance(y, query.Center!, query.InputNorm));
        else
            value = Distance(x, y, query.InputNorm);
        if (!double.IsFinite(value) || (Maximising && !(value > resolution))) return null;
        lock (_gate)
            if (_bestValue is double best && !Better(value, best)) return value;

        if (!ConfirmedByOracles(x, y, value, scale, coupledOutputs, allowance)) return null;
        lock (_gate)
            if (_bestValue is not double current || Better(value, current))
            {
                _bestValue = value;
                Best = new Witness(x, y, null, outX, outY);
            }
        return value;
    }

    private bool Better(double value, double than) => Maximising ? value > than : value < than;

    private bool ConfirmedByOracles(double[] x, double[] y, double value, double scale, int[] coupledOutputs, double allowance)
    {
        var coupledOracle = query.Reference is null ? oracle : referenceOracle;
        if (coupledOracle is not null)
        {
            var ox = coupledOracle.Evaluate(x);
            var oy = coupledOracle.Evaluate(y);
            double gap = Gap(ox, oy, coupledOutputs);
            if (gap > query.OutputTolerance + allowance + OracleTolerance * scale * NormFactor(coupledOutputs.Length))
            {
                Note($"a witness pair was not confirmed by ONNX Runtime: its outputs differ by {gap:G6} (η = {query.OutputTolerance:G6}); it is not used");
                return false;
            }
        }
        if (query.Kind == TwoCopyKind.Matching && oracle is not null)
        {
            var gx = oracle.Evaluate(x);
            var gy = oracle.Evaluate(y);
            var outputs = query.SelectedOutputs;
            double oracleValue = VectorNorm.Norm(outputs.Select(o => gx[o] - gy[o]).ToArray(), query.OutputNorm);
            double gScale = 1 + outputs.Max(o => Math.Max(Math.Abs(gx[o]), Math.Abs(gy[o])));
            if (Math.Abs(oracleValue - value) > 1e-4 * value + 1e-5 * gScale * NormFactor(outputs.Length))
            {
                Note($"a matching witness with value {value:G9} was not confirmed by ONNX Runtime (it computes {oracleValue:G9}); it is not used");
                return false;
            }
        }
        return true;
    }

    private void Note(string note)
    {
        lock (_gate) if (!_notes.Contains(note)) _notes.Add(note);
    }

    private double Gap(double[] a, double[] b, int[] outputs) =>
        VectorNorm.Norm(outputs.Select(o => a[o] - b[o]).ToArray(), query.OutputNorm);

    /// <summary>How a per-output tolerance adds up in the q-norm of m outputs.</summary>
    private double NormFactor(int m) => query.OutputNorm switch
    {
        NormKind.One => m,
        NormKind.Two => Math.Sqrt(m),
        _ => 1,
    };

    private double[] Clamp(double[] x) => x.Select((v, i) => Math.Clamp(v, query.Lower[i], query.Upper[i])).ToArray();

    private static double Distance(double[] x, double[] y, NormKind p) =>
        VectorNorm.Norm(x.Select((v, i) => v - y[i]).ToArray(), p);
}
