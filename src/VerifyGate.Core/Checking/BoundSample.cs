namespace VerifyGate.Core.Checking;

/// <summary>The certified bounds of a property at one moment of its run: what the report's "bounds over time" picture
/// draws. Null: not known yet.</summary>
public readonly record struct BoundSample(double Seconds, double? Lower, double? Upper);

/// <summary>Collects a run's bound samples as the engine reports them: one per change, at most
/// <see cref="Capacity"/> (past that every second sample is dropped, which keeps the first and the shape).</summary>
public sealed class BoundTrace
{
    public const int Capacity = 512;
    private readonly List<BoundSample> _samples = [];
    private int _stride = 1;
    private int _seen;

    public void Add(BoundSample sample)
    {
        lock (_samples)
        {
            if (_samples.Count > 0 && _samples[^1].Lower == sample.Lower && _samples[^1].Upper == sample.Upper) return;
            if (_seen++ % _stride != 0) return;
            _samples.Add(sample);
            if (_samples.Count < Capacity) return;
            for (int i = _samples.Count - 1; i > 0; i -= 2) _samples.RemoveAt(i);
            _stride *= 2;
        }
    }

    /// <summary>The samples so far, with the final bounds as the last one.</summary>
    public IReadOnlyList<BoundSample> Finish(BoundSample last)
    {
        lock (_samples)
        {
            if (_samples.Count == 0 || _samples[^1] != last) _samples.Add(last);
            return [.. _samples];
        }
    }
}
