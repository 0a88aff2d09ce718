using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Builds the pair of inputs behind a Lipschitz lower bound: the longest segment through a
/// point x along a direction v that stays in the box and in the closed region of x's activation
/// pattern, so that the pair's ratio equals ‖J v‖_q / ‖v‖_p. Any pair is a valid lower bound; the
/// region only makes it tight. The pair stays in float64: rounding it to float32 would tilt short
/// segments enough to cost the bound its last digits; ONNX Runtime's float32 check allows for that.</summary>
public static class WitnessPair
{
    private const double Shrink = 0.9;

    public static (double[] X, double[] Y)? Build(Network network, ActivationPattern pattern,
        double[] x, double[] v, double[] lower, double[] upper)
    {
        double forward = double.PositiveInfinity, backward = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            if (v[i] > 0) { forward = Math.Min(forward, (upper[i] - x[i]) / v[i]); backward = Math.Min(backward, (x[i] - lower[i]) / v[i]); }
            else if (v[i] < 0) { forward = Math.Min(forward, (lower[i] - x[i]) / v[i]); backward = Math.Min(backward, (x[i] - upper[i]) / v[i]); }
        }
        var (values, rates) = PatternPasses.Along(network, pattern, x, v);
        foreach (var relu in network.Activations)
        {
            var on = pattern.Active(relu.Index);
            for (int r = 0; r < relu.Size; r++)
            {
                double z = values[relu.Source][r], rate = rates[relu.Source][r];
                double sign = on[r] ? 1.0 : -1.0;
                double margin = sign * z, speed = sign * rate;
                // A point a hair outside the region (LP tolerance) still gives a valid pair: the ratio is
                // evaluated, never assumed; it may only be a little below the region's norm.
                margin = Math.Max(margin, 0);
                if (speed < 0) forward = Math.Min(forward, margin / -speed);
                else if (speed > 0) backward = Math.Min(backward, margin / speed);
            }
        }
        if (!double.IsFinite(forward) || !double.IsFinite(backward) || forward + backward <= 0) return null;
        var a = new double[x.Length];
        var b = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (lower[i] == upper[i]) { a[i] = b[i] = lower[i]; continue; }
            a[i] = Math.Clamp(x[i] - Shrink * backward * v[i], lower[i], upper[i]);
            b[i] = Math.Clamp(x[i] + Shrink * forward * v[i], lower[i], upper[i]);
        }
        return a.AsSpan().SequenceEqual(b) ? null : (a, b);
    }

    /// <summary>‖f(x) − f(y)‖_q / ‖x − y‖_p over the selected outputs, in float64.</summary>
    public static double Ratio(double[] fx, double[] fy, double[] x, double[] y, int[] outputs, NormKind p, NormKind q)
    {
        var df = outputs.Select(o => fx[o] - fy[o]).ToArray();
        var dx = x.Select((xi, i) => xi - y[i]).ToArray();
        return VectorNorm.Norm(df, q) / VectorNorm.Norm(dx, p);
    }
}
