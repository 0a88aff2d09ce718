using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>A point of a box with its activation pattern, and whether every ReLU's input there is clearly away from 0.
/// A strict point inside the box lies in the open interior of its pattern's region: that region meets the box
/// with interior, with no LP needed to show it.</summary>
internal sealed record StrictPoint(double[] X, ActivationPattern Pattern, bool Strict)
{
    /// <summary>Pre-activations closer to 0 than this (relative to their layer's magnitude) may be float64 noise.</summary>
    private const double Margin = 1e-9;

    public static StrictPoint At(Network network, double[] x)
    {
        var values = network.EvaluateAll(x);
        var active = new Dictionary<int, bool[]>();
        bool strict = true;
        foreach (var relu in network.Activations)
        {
            var z = values[relu.Source];
            double scale = 1 + z.Select(Math.Abs).DefaultIfEmpty(0).Max();
            active[relu.Index] = z.Select(v => v > 0).ToArray();
            strict &= z.All(v => Math.Abs(v) > Margin * scale);
        }
        return new StrictPoint(x, new ActivationPattern(active), strict);
    }

    public bool Has(ActivationPattern pattern) =>
        Pattern.ByNode.All(node => node.Value.AsSpan().SequenceEqual(pattern.Active(node.Key)));
}
