using System.Numerics;

namespace VerifyGate.Core.Bounds;

/// <summary>Small vectorised loops for the dense coefficient rows of back-substitution.</summary>
internal static class DenseKernels
{
    /// <summary>y += a·x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var vy = new Vector<double>(y.Slice(i)) + va * new Vector<double>(x.Slice(i));
                vy.CopyTo(y.Slice(i));
            }
        }
        for (; i < n; i++) y[i] += a * x[i];
    }
}
