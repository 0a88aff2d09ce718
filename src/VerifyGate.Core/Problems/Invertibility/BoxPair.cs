using VerifyGate.Core.Bounds;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>A node of the two-copy searches: a box for x and, when the kind has a second copy, one for y (null for
/// preimage-radius, where y is the centre). The boxes cover the free inputs; fixed inputs stay at their value.</summary>
internal sealed record BoxPair(double[] XLow, double[] XHigh, double[]? YLow, double[]? YHigh)
{
    /// <summary>x and y range over the same box.</summary>
    public bool Symmetric => YLow is not null && XLow.AsSpan().SequenceEqual(YLow) && XHigh.AsSpan().SequenceEqual(YHigh);

    /// <summary>The split of both searches: bisect the widest free coordinate of either box. A symmetric node splits its
    /// box into halves A, B and keeps (A, A), (A, B), (B, B): the two-copy quantities are symmetric in x and y, so (B, A)
    /// holds the same values as (A, B); for a quantity that is not (<paramref name="symmetricQuantity"/> false: one signed
    /// objective of a norm) all four pairs are kept. Null when no free coordinate has width left.</summary>
    public IReadOnlyList<BoxPair>? Split(int[] free, bool symmetricQuantity = true)
    {
        if (Symmetric && !symmetricQuantity)
        {
            int d = Widest(XLow, XHigh, free);
            if (d < 0) return null;
            var (a, b) = Halves(XLow, XHigh, d);
            return [new(a.Low, a.High, a.Low, a.High), new(a.Low, a.High, b.Low, b.High), new(b.Low, b.High, a.Low, a.High), new(b.Low, b.High, b.Low, b.High)];
        }
        if (Symmetric)
        {
            int d = Widest(XLow, XHigh, free);
            if (d < 0) return null;
            var (a, b) = Halves(XLow, XHigh, d);
            return [new(a.Low, a.High, a.Low, a.High), new(a.Low, a.High, b.Low, b.High), new(b.Low, b.High, b.Low, b.High)];
        }
        int dx = Widest(XLow, XHigh, free);
        int dy = YLow is null ? -1 : Widest(YLow, YHigh!, free);
        double wx = dx < 0 ? 0 : XHigh[dx] - XLow[dx];
        double wy = dy < 0 ? 0 : YHigh![dy] - YLow![dy];
        if (!(Math.Max(wx, wy) > 0)) return null;
        if (wx >= wy)
        {
            var (a, b) = Halves(XLow, XHigh, dx);
            return [this with { XLow = a.Low, XHigh = a.High }, this with { XLow = b.Low, XHigh = b.High }];
        }
        var (c, e) = Halves(YLow!, YHigh!, dy);
        return [this with { YLow = c.Low, YHigh = c.High }, this with { YLow = e.Low, YHigh = e.High }];
    }

    /// <summary>The smallest box holding both boxes (or x's box and the point <paramref name="y"/>).</summary>
    public (double[] Low, double[] High) Hull(double[]? y = null) =>
        (XLow.Select((v, i) => Math.Min(v, YLow?[i] ?? y![i])).ToArray(), XHigh.Select((v, i) => Math.Max(v, YHigh?[i] ?? y![i])).ToArray());

    /// <summary>The bounds over <see cref="Hull"/>: x's own when the hull is x's box (a symmetric pair, or the point inside
    /// x's box), else propagated symbolically.</summary>
    public NetworkBounds HullBounds(NetworkBounds xBounds, double[]? y = null)
    {
        var (low, high) = Hull(y);
        return low.AsSpan().SequenceEqual(XLow) && high.AsSpan().SequenceEqual(XHigh)
            ? xBounds
            : BoundPropagation.Compute(xBounds.Network, low, high, BoundMethod.Symbolic);
    }

    /// <summary>The coupled outputs' intervals over x's box and y's (or the outputs <paramref name="yOutputs"/> of a point) are
    /// farther apart than η in the q-norm: no pair of the node meets ‖f(x) − f(y)‖_q ≤ η.</summary>
    public static bool OutputsApart(NetworkBounds x, NetworkBounds? y, double[]? yOutputs, int[] outputs, NormKind q, double eta)
    {
        int node = x.Network.OutputIndex;
        var gaps = outputs.Select(o =>
        {
            double yLow = y?.Lower(node, o) ?? yOutputs![o], yHigh = y?.Upper(node, o) ?? yOutputs![o];
            return Math.Max(0, Math.Max(x.Lower(node, o) - yHigh, yLow - x.Upper(node, o)));
        }).ToArray();
        return VectorNorm.Norm(gaps, q) > eta * (1 + 1e-9) + 1e-12;
    }

    private static int Widest(double[] low, double[] high, int[] free)
    {
        int best = -1;
        foreach (int i in free)
            if (high[i] > low[i] && (best < 0 || high[i] - low[i] > high[best] - low[best])) best = i;
        return best;
    }

    private static ((double[] Low, double[] High), (double[] Low, double[] High)) Halves(double[] low, double[] high, int d)
    {
        double mid = low[d] + (high[d] - low[d]) / 2;
        var aHigh = (double[])high.Clone();
        aHigh[d] = mid;
        var bLow = (double[])low.Clone();
        bLow[d] = mid;
        return ((low, aHigh), (bLow, high));
    }
}
