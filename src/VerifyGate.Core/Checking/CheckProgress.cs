namespace VerifyGate.Core.Checking;

/// <summary>Live state of the property being checked: the certified bounds known so far. A solve reports
/// once when it starts (elapsed zero, no bounds), whenever its bounds move, and once with
/// <see cref="Finished"/> set when it ends. <see cref="OpenNodes"/> counts a branch-and-bound search's open nodes.</summary>
public readonly record struct CheckProgress(string File, string Property, TimeSpan Elapsed, double? Lower, double? Upper, bool Finished = false, int? OpenNodes = null);
