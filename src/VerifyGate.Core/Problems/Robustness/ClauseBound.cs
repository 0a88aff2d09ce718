using VerifyGate.Core.Bounds;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>A lower bound of min over a box of max_j s_j(x), a clause's margin, from linear lower bounds
/// s_j(x) ≥ a_j·x + c_j. For any λ in the simplex, max_j s_j ≥ Σ λ_j s_j ≥ (Σ λ_j a_j)·x + Σ λ_j c_j, whose minimum over
/// the box is at a corner: so D(λ) = Σ λ_j c_j + Σ_i min(g_i lᵢ, g_i uᵢ), g = Σ λ_j a_j, is a lower bound for every λ,
/// and its maximum is the LP bound min_x max_j (a_j·x + c_j). Frank-Wolfe ascent on the simplex, started at the best
/// single atom, so the bound is never below max_j min_x s_j. Sound for any λ it stops at: the value is recomputed and
/// widened by <see cref="SafeRounding"/> over the magnitudes of its terms.</summary>
internal static class ClauseBound
{
    private const int Iterations = 60;

    public static double Lower(BackSubstitution.LinearLower linear, int firstRow, int rows, ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        int n = low.Length;
        var lambda = new double[rows];
        double best = double.NegativeInfinity;
        int bestAtom = 0;
        for (int j = 0; j < rows; j++)
        {
            Array.Clear(lambda);
            lambda[j] = 1;
            double value = Evaluate(linear, firstRow, lambda, low, high, out _);
            if (value > best) (best, bestAtom) = (value, j);
        }
        Array.Clear(lambda);
        lambda[bestAtom] = 1;
        var corner = new double[n];
        for (int t = 0; t < Iterations; t++)
        {
            double value = Evaluate(linear, firstRow, lambda, low, high, out corner);
            best = Math.Max(best, value);
            // The atom whose linear bound is largest at the minimising corner is the ascent vertex.
            int vertex = 0;
            double top = double.NegativeInfinity;
            for (int j = 0; j < rows; j++)
            {
                double s = linear.C[firstRow + j] + Dot(linear.A[firstRow + j], corner);
                if (s > top) (top, vertex) = (s, j);
            }
            double step = 2.0 / (t + 3);
            for (int j = 0; j < rows; j++) lambda[j] *= 1 - step;
            lambda[vertex] += step;
        }
        return best;
    }

    /// <summary>D(λ), widened down for rounding, and the corner that attains the minimum.</summary>
    private static double Evaluate(BackSubstitution.LinearLower linear, int firstRow, double[] lambda, ReadOnlySpan<double> low,
        ReadOnlySpan<double> high, out double[] corner)
    {
        int n = low.Length;
        var g = new double[n];
        double value = 0, magnitude = 0;
        for (int j = 0; j < lambda.Length; j++)
        {
            if (lambda[j] == 0) continue;
            value += lambda[j] * linear.C[firstRow + j];
            magnitude += lambda[j] * (linear.Magnitude[firstRow + j] + Math.Abs(linear.C[firstRow + j]));
            if (linear.A[firstRow + j] is { } a)
                for (int i = 0; i < n; i++) g[i] += lambda[j] * a[i];
        }
        corner = new double[n];
        for (int i = 0; i < n; i++)
        {
            corner[i] = g[i] >= 0 ? low[i] : high[i];
            value += g[i] * corner[i];
            magnitude += Math.Abs(g[i]) * Math.Max(Math.Abs(low[i]), Math.Abs(high[i]));
        }
        return SafeRounding.Down(value, magnitude * (1 + lambda.Length));
    }

    private static double Dot(double[]? a, double[] x)
    {
        if (a is null) return 0;
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += a[i] * x[i];
        return s;
    }
}
