namespace VerifyGate.Core.Tests.Trials;

/// <summary>A trial's input box; lo_i = hi_i marks a fixed input.</summary>
public sealed record TrialBox(double[] Lower, double[] Upper)
{
    public int[] Free => Enumerable.Range(0, Lower.Length).Where(i => Lower[i] < Upper[i]).ToArray();

    public bool Contains(double[] x) => x.Select((v, i) => Lower[i] <= v && v <= Upper[i]).All(inside => inside);

    public override string ToString() => $"box lower {TrialNetwork.Vector(Lower)} upper {TrialNetwork.Vector(Upper)}";
}

/// <summary>Where a trial puts its threshold: none (an exact solve), or at a relative
/// <see cref="Distance"/> below or above the oracle's value.</summary>
public sealed record ThresholdChoice(bool Exact, bool Above, double Distance)
{
    /// <summary>The threshold around <paramref name="reference"/>, at least 1e-3 above 0 and 1e-3 (relative)
    /// away from the reference (thresholds at the engine's resolution are another test's business).</summary>
    public double? Around(double reference)
    {
        if (Exact) return null;
        double below = reference * (1 - Distance);
        if (!Above && below >= 1e-3) return below;
        return Math.Max(reference * (1 + Distance), reference + 1e-3);
    }

    public override string ToString() => Exact ? "exact" : $"threshold {(Above ? "above" : "below")} by {TrialNetwork.Number(Distance)}";
}
