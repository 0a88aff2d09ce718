namespace VerifyGate.Core.Search;

/// <summary>When the search may stop before its time is spent: a threshold question is decided once the
/// certified upper bound is at most the threshold or the best witness exceeds it; an exact question once the
/// interval is closed to the relative (and absolute) gap. <paramref name="Floor"/> is the smallest value the quantity can
/// take (0 for a norm such as a Lipschitz constant): while no witness is known, the interval's lower end is the floor,
/// so a quantity that may be negative (−t of the radius kinds, a robustness violation) needs −∞ here.</summary>
public sealed record SearchGoal(double? AtMost, double RelativeGap, double AbsoluteGap, double Floor = 0)
{
    public bool Reached(double? lower, double upper) =>
        AtMost is double t ? upper <= t || lower > t : Closed(lower, upper);

    /// <summary>A node whose bound is this low cannot change the answer: splitting it is no use.</summary>
    public bool NodeSettled(double? lower, double nodeUpper) =>
        AtMost is double t ? nodeUpper <= t : Closed(lower, nodeUpper);

    private bool Closed(double? lower, double upper) =>
        double.IsFinite(upper) && upper - (lower ?? Floor) <= RelativeGap * Math.Abs(upper) + AbsoluteGap;
}
