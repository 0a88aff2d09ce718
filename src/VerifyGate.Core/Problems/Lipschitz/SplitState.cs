using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>What input splitting knows about the whole box besides the open boxes: the best confirmed
/// witness from any sub-box (the lower bound) and the notes worth passing on; and when it may stop.</summary>
internal sealed class SplitState(LipschitzQuery query, CertifiedBounds? root)
{
    private const int MaximumNotes = 20;
    /// <summary>Absolute slack of the gap test: the engine inflates every proven bound by
    /// <see cref="LipschitzEngine.SafetyAbsolute"/>, so a constant of 0 never closes relatively.</summary>
    private const double AbsoluteGap = 10 * LipschitzEngine.SafetyAbsolute;

    private readonly List<string> _notes = [.. root?.Notes ?? []];

    public double RootUpper { get; } = root?.Upper ?? double.PositiveInfinity;
    public double? Lower { get; private set; } = root?.Lower;
    public Witness? Witness { get; private set; } = root?.Witness;
    public IReadOnlyList<string> Notes => _notes;

    private bool ThresholdMode => !query.Exact && query.AtMost.HasValue;

    /// <summary>The whole box is decided once its upper bound is this low.</summary>
    public bool Decided(double upper)
    {
        if (ThresholdMode) return upper <= query.AtMost!.Value || Lower > query.AtMost.Value;
        return Closed(upper);
    }

    /// <summary>A box with this upper bound needs no more work: splitting it cannot lower the global
    /// upper bound below what the gap target (or the threshold) asks for, or the engine finished on it.</summary>
    public bool BoxFinished(double upper, CertifiedBounds result) =>
        !result.TimedOut || Closed(upper) || (ThresholdMode && upper <= query.AtMost!.Value);

    public void Absorb(CertifiedBounds result)
    {
        if (result.Lower is double lower && result.Witness is not null && !(Lower >= lower))
        {
            Lower = lower;
            Witness = result.Witness;
        }
        foreach (var note in result.Notes)
            if (_notes.Count < MaximumNotes && !_notes.Contains(note)) _notes.Add(note);
    }

    private bool Closed(double upper) => double.IsFinite(upper) && upper - (Lower ?? 0) <= query.RelativeGap * Math.Abs(upper) + AbsoluteGap;
}
