namespace VerifyGate.Core.Specs;

/// <summary>A property checked against its model's sizes, with everything sized to the model:
/// the box the encodings range over and the outputs looked at.</summary>
/// <param name="Lower">Per input. For the radius kinds: center − maxRadius, fixed inputs at their centre.</param>
/// <param name="Upper">Per input. For the radius kinds: center + maxRadius, fixed inputs at their centre.</param>
/// <param name="Outputs">The output indices looked at (all when the file lists none), ascending as given.</param>
/// <param name="FixedInputs">Inputs that do not vary: the radius kinds' <c>fixed</c>, or lower == upper in a box.</param>
public sealed record ResolvedProperty(
    PropertySpec Spec,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper,
    IReadOnlyList<int> Outputs,
    IReadOnlyList<int> FixedInputs)
{
    /// <summary>Kind robustness: each input box with its output condition (one for a domain, one per box of a VNN-LIB
    /// file); <see cref="Lower"/>/<see cref="Upper"/> are then the smallest box holding them all.</summary>
    public IReadOnlyList<Problems.Robustness.RobustnessCase>? Cases { get; init; }
}
