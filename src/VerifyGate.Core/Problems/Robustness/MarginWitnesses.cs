using VerifyGate.Core.Checking;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>The point of the domain with the smallest margin found so far: the witness side of the certified
/// interval (the margin there bounds the worst margin from above). A point is kept only when the independent oracle
/// (ONNX Runtime) reproduces its margin to float32 accuracy; it shows a violation only when the condition fails in
/// both evaluations. Thread-safe: the search's workers offer points at once.</summary>
internal sealed class MarginWitnesses(Network network, OutputCondition condition, IModelOracle? oracle)
{
    private readonly object _gate = new();
    private readonly List<string> _notes = [];

    public double? Margin { get { lock (_gate) return _best?.Margin; } }
    public bool Violates { get { lock (_gate) return _best?.Violates ?? false; } }
    public Witness? Best { get { lock (_gate) return _best?.Witness; } }
    public IReadOnlyList<string> Notes { get { lock (_gate) return [.. _notes]; } }

    private sealed record Point(double Margin, bool Violates, Witness Witness);
    private Point? _best;

    /// <summary>Evaluates x; returns its margin in float64 whether or not it improved the best.</summary>
    public double Offer(double[] x)
    {
        var y = network.Evaluate(x);
        double margin = condition.Margin(y);
        if (double.IsNaN(margin)) return double.PositiveInfinity;
        lock (_gate)
            if (_best is not null && !(margin < _best.Margin)) return margin;
        var confirmed = oracle?.Evaluate(x) ?? y;
        double oracleMargin = condition.Margin(confirmed);
        double scale = 1 + y.Concat(confirmed).Max(Math.Abs);
        if (!(Math.Abs(oracleMargin - margin) <= OracleTolerance * scale))
        {
            Note($"ONNX Runtime gives margin {oracleMargin:G9} at a point where VerifyGate's network gives {margin:G9}; the point is not used");
            return margin;
        }
        bool violates = !condition.Holds(y) && !condition.Holds(confirmed);
        // The larger of the two margins: an upper bound of the worst margin whichever evaluation is taken.
        double reported = Math.Max(margin, oracleMargin);
        var point = new Point(reported, violates, new Witness([.. x], [.. x], null, confirmed));
        lock (_gate)
            if (_best is null || reported < _best.Margin) _best = point;
        return margin;
    }

    /// <summary>Float32 evaluation of these networks differs from float64 by about 1e-6 relative; 1e-4 leaves room
    /// for deep ones without accepting a different function.</summary>
    private const double OracleTolerance = 1e-4;

    private void Note(string note)
    {
        lock (_gate)
            if (_notes.Count < 5 && !_notes.Contains(note)) _notes.Add(note);
    }
}
