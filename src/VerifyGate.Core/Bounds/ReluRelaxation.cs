using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Linear bounds λz &lt;= max(z, αz) &lt;= s·z + t on [l, u], one pair per neuron.
/// Stable neurons are exact (λ = s, t = 0). For l &lt; 0 &lt; u the upper line is the chord through
/// (l, αl) and (u, u); the lower line passes through the origin with slope 1 or α, whichever leaves
/// the smaller area between line and function on [l, u] (CROWN's adaptive choice: 1 when u &gt;= −l).
/// Any slope in [α, 1] is sound because the function is convex.</summary>
internal sealed class ReluRelaxation
{
    public double[] LowerSlope { get; }
    public double[] UpperSlope { get; }
    public double[] UpperIntercept { get; }

    public ReluRelaxation(ReluNode node, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        double alpha = node.NegativeSlope;
        LowerSlope = new double[node.Size];
        UpperSlope = new double[node.Size];
        UpperIntercept = new double[node.Size];
        for (int j = 0; j < node.Size; j++)
        {
            double l = lower[j], u = upper[j];
            switch (NetworkBounds.Classify(l, u))
            {
                case NeuronState.StableActive:
                    LowerSlope[j] = UpperSlope[j] = 1.0;
                    break;
                case NeuronState.StableInactive:
                    LowerSlope[j] = UpperSlope[j] = alpha;
                    break;
                default:
                    UpperSlope[j] = (u - alpha * l) / (u - l);
                    UpperIntercept[j] = (1.0 - alpha) * (-l) * u / (u - l);
                    LowerSlope[j] = u >= -l ? 1.0 : alpha;
                    break;
            }
        }
    }
}
