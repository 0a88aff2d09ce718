namespace VerifyGate.Core.Checking;

/// <summary>Live state of the property being checked: the certified bounds known so far.</summary>
public readonly record struct CheckProgress(string File, string Property, TimeSpan Elapsed, double? Lower, double? Upper);
