namespace VerifyGate.Core.Problems;

/// <summary>The smallest value of a property's quantity that the engines tell apart from zero, and what
/// a threshold below it means (README, "Thresholds at the engine's resolution").
/// SCIP works to a feasibility tolerance of 1e-9 on every variable and compares objective values to 1e-9,
/// so no MIP can prove that a maximum is exactly 0: "f(x) = f(y)" holds only to that tolerance, and a
/// pair closer than the tolerance cannot be told from x = y. A threshold t below the resolution ρ of the
/// property is therefore judged against ρ: a pass is a proof that the quantity is at most ρ, a failure
/// needs a witness beyond ρ, and every message says which ρ was used.
/// ρ = max(<see cref="Relative"/> · scale, <see cref="Floor"/>), where the scale is a property of the box
/// (the box's diameter for invertibility, the certified output range for matching), never a loose bound
/// on the quantity itself. Lipschitz constants have no such scale (L = 0 on a constant map) and get the floor.</summary>
public static class Resolution
{
    /// <summary>ρ relative to the quantity's scale.</summary>
    public const double Relative = 1e-6;

    /// <summary>The absolute floor of ρ: a hundred times the solver's feasibility tolerance, so that the
    /// tolerance cannot carry a quantity across it.</summary>
    public const double Floor = 1e-7;

    public static double Of(double scale) => double.IsFinite(scale) ? Math.Max(Relative * Math.Abs(scale), Floor) : Floor;

    /// <summary>The atMost threshold a property at resolution ρ is decided against.</summary>
    public static double Effective(double atMost, double resolution) => Math.Max(atMost, resolution);
}
