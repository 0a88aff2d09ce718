using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>A certificate that f (restricted to some outputs, over the free inputs) is one-to-one on a box.
/// <para><b>Method card.</b> Accepts: a network and a box. Method: the interval Jacobian J of the outputs over the
/// box (forward and backward interval propagation, intersected), then a regularity test of that interval matrix:
/// with R the pseudo-inverse of its midpoint M_c and Δ its radius, ‖I − R M_c‖ + ‖|R| Δ‖ &lt; 1 in the l_inf, the l1 or
/// the Frobenius norm (each bounds ‖I − R M‖ in an operator norm) shows R M invertible, so M has full column rank, for
/// every M in the interval matrix.
/// Why it is sound: f is piecewise affine and continuous, so for x ≠ y in the box f(x) − f(y) = M (x − y) with M an
/// average of the Jacobians of the regions the segment crosses; each lies in J (every region meeting the box has its
/// slopes within the activation intervals), and J is convex, so M does too; full column rank gives f(x) ≠ f(y).
/// Rounding: J is widened by <see cref="SafeRounding"/>; the test keeps a margin of 1e-9 for the float64 products.
/// Reference: interval-matrix regularity (Rohn; Beeck's sufficient condition), applied to Clarke Jacobians as
/// the Lipschitz bounds of FastLip / RecurJac do.</para></summary>
public static class BoxInjectivity
{
    /// <summary>Whether f, on the outputs listed and the inputs not fixed, is proven one-to-one on the box.</summary>
    public static bool Proves(Network network, double[] lower, double[] upper, int[] outputs, bool[] fixedInputs) =>
        Proves(BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic), outputs, fixedInputs);

    /// <summary>The same, from the box's bounds already propagated.</summary>
    public static bool Proves(NetworkBounds bounds, int[] outputs, bool[] fixedInputs) => InverseBound(bounds, outputs, fixedInputs) is not null;

    /// <summary>When f is proven one-to-one on the box, a κ with ‖x − y‖_inf ≤ κ ‖f(x) − f(y)‖_inf (listed outputs, free
    /// inputs) for all x, y in it: from R(f(x) − f(y)) = R M (x − y) and ‖I − R M‖_inf ≤ β &lt; 1,
    /// ‖x − y‖ ≤ ‖R M (x − y)‖ / (1 − β) ≤ ‖R‖_inf ‖f(x) − f(y)‖ / (1 − β). Null when the test fails.</summary>
    public static double? InverseBound(NetworkBounds bounds, int[] outputs, bool[] fixedInputs)
    {
        var network = bounds.Network;
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        if (free.Length == 0 || free.Length > outputs.Length) return null;
        var jacobian = JacobianBounds.Compute(bounds, outputs, fixedInputs);
        if (ForwardJacobianBounds.Affordable(network))
            jacobian = jacobian.Intersect(ForwardJacobianBounds.Compute(bounds, fixedInputs)[network.OutputIndex].SelectRows(outputs));
        return InverseBound(jacobian.SelectColumns(free));
    }

    /// <summary>Every real matrix in the interval matrix (m × n, m ≥ n) has full column rank (sufficient test).</summary>
    public static bool Regular(IntervalMatrix matrix) => InverseBound(matrix) is not null;

    /// <summary>κ = ‖R‖_inf / (1 − β) (see <see cref="InverseBound(NetworkBounds, int[], bool[])"/>) when the test proves
    /// every matrix of the interval matrix of full column rank; null otherwise.</summary>
    public static double? InverseBound(IntervalMatrix matrix)
    {
        int m = matrix.Rows, n = matrix.Columns;
        var mid = new double[m, n];
        var radius = new double[m, n];
        for (int r = 0; r < m; r++)
            for (int c = 0; c < n; c++)
            {
                double lo = matrix.Lower(r, c), hi = matrix.Upper(r, c);
                if (!double.IsFinite(lo) || !double.IsFinite(hi)) return null;
                mid[r, c] = lo + (hi - lo) / 2;
                radius[r, c] = Math.Max(hi - mid[r, c], mid[r, c] - lo);
            }
        if (PseudoInverse(mid, m, n) is not { } inverse) return null;
        // E = I − R M_c and G = |R| Δ; ‖I − R M‖ ≤ ‖E‖ + ‖G‖ in every absolute norm (∞, 1, Frobenius ≥ spectral).
        var e = new double[n, n];
        var g = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double product = 0, spread = 0;
                for (int k = 0; k < m; k++)
                {
                    product += inverse[i, k] * mid[k, j];
                    spread += Math.Abs(inverse[i, k]) * radius[k, j];
                }
                e[i, j] = Math.Abs((i == j ? 1 : 0) - product);
                g[i, j] = spread;
            }
        // κ in l_inf on both sides: ‖x − y‖_inf ≤ ‖x − y‖_norm ≤ ‖R‖_norm ‖f(x) − f(y)‖_norm / (1 − β) and
        // ‖v‖_1 ≤ m ‖v‖_inf, ‖v‖_2 ≤ √m ‖v‖_inf on the m outputs.
        double? best = null;
        foreach (var (norm, outputFactor) in new[] { (MatrixNorm.Infinity, 1.0), (MatrixNorm.One, (double)m), (MatrixNorm.Frobenius, Math.Sqrt(m)) })
        {
            double beta = Norm(e, norm) + Norm(g, norm);
            if (!(beta < 1 - 1e-9)) continue;
            double kappa = Norm(inverse, norm) * outputFactor * (1 + 1e-9) / (1 - beta - 1e-9);
            if (best is not double b || kappa < b) best = kappa;
        }
        return best;
    }

    private enum MatrixNorm { Infinity, One, Frobenius }

    /// <summary>The largest absolute row sum, column sum, or the Frobenius norm.</summary>
    private static double Norm(double[,] a, MatrixNorm norm)
    {
        int rows = a.GetLength(0), columns = a.GetLength(1);
        double result = 0;
        if (norm == MatrixNorm.Frobenius)
        {
            for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) result += a[r, c] * a[r, c];
            return Math.Sqrt(result);
        }
        int outer = norm == MatrixNorm.Infinity ? rows : columns, inner = norm == MatrixNorm.Infinity ? columns : rows;
        for (int o = 0; o < outer; o++)
        {
            double sum = 0;
            for (int k = 0; k < inner; k++) sum += Math.Abs(norm == MatrixNorm.Infinity ? a[o, k] : a[k, o]);
            result = Math.Max(result, sum);
        }
        return result;
    }

    /// <summary>(AᵀA)⁻¹Aᵀ by Gauss-Jordan elimination with partial pivoting (A⁻¹ when square); null when singular.
    /// Any R serves the test above: an inaccurate inverse only makes it fail.</summary>
    private static double[,]? PseudoInverse(double[,] a, int m, int n)
    {
        var normal = new double[n, 2 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                for (int k = 0; k < m; k++) normal[i, j] += a[k, i] * a[k, j];
            normal[i, n + i] = 1;
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(normal[r, col]) > Math.Abs(normal[pivot, col])) pivot = r;
            if (!(Math.Abs(normal[pivot, col]) > 1e-300)) return null;
            if (pivot != col)
                for (int j = 0; j < 2 * n; j++) (normal[col, j], normal[pivot, j]) = (normal[pivot, j], normal[col, j]);
            double p = normal[col, col];
            for (int j = 0; j < 2 * n; j++) normal[col, j] /= p;
            for (int r = 0; r < n; r++)
            {
                if (r == col || normal[r, col] == 0) continue;
                double f = normal[r, col];
                for (int j = 0; j < 2 * n; j++) normal[r, j] -= f * normal[col, j];
            }
        }
        var result = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += normal[i, n + j] * a[k, j];
                result[i, k] = s;
            }
        return result;
    }
}
