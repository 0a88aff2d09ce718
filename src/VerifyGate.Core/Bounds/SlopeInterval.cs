namespace VerifyGate.Core.Bounds;

/// <summary>The slope of y = max(x, αx) at one neuron over the box, from its state: 1 when stable active,
/// α when stable inactive, anywhere in [α, 1] when unstable; and an interval times such a slope.</summary>
internal static class SlopeInterval
{
    public static (double Low, double High) Of(NetworkBounds bounds, Networks.ReluNode relu, int neuron) =>
        bounds.State(relu.Index, neuron) switch
        {
            NeuronState.StableActive => (1.0, 1.0),
            NeuronState.StableInactive => (relu.NegativeSlope, relu.NegativeSlope),
            _ => (relu.NegativeSlope, 1.0),
        };

    /// <summary>[lower, upper] · [low, high] for 0 ≤ low ≤ high.</summary>
    public static (double Lower, double Upper) Scale(double lower, double upper, (double Low, double High) slope) =>
        (Math.Min(lower * slope.Low, lower * slope.High), Math.Max(upper * slope.Low, upper * slope.High));

    /// <summary>Moves every entry outward by <see cref="SafeRounding"/> of the magnitude of its terms.</summary>
    public static void Widen(double[] lower, double[] upper, double[] magnitude)
    {
        for (int k = 0; k < lower.Length; k++)
        {
            if (magnitude[k] == 0.0) continue;  // exact: no terms at all, or the unit seed entries
            lower[k] = SafeRounding.Down(lower[k], magnitude[k]);
            upper[k] = SafeRounding.Up(upper[k], magnitude[k]);
        }
    }
}
