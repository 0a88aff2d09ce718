namespace VerifyGate.Core.Norms;

/// <summary>‖J‖_{p→q} and a direction v with ‖v‖_p = 1 that attains it (‖Jv‖_q = Value up to rounding).</summary>
public sealed record OperatorNormResult(double Value, double[] Direction);

/// <summary>Exact operator norms ‖J‖_{p→q} = max over ‖v‖_p &lt;= 1 of ‖Jv‖_q of small dense matrices.
/// The convex function v ↦ ‖Jv‖_q is maximised at an extreme point of the p-ball, which gives every
/// case but (2, 2) in closed form or by enumerating sign vectors; (2, 2) is the largest singular value.</summary>
public static class OperatorNorm
{
    /// <summary>Largest dimension whose 2^(d−1) sign vectors are enumerated.</summary>
    public const int MaxEnumerationDimension = 24;

    public static OperatorNormResult Compute(double[,] j, NormKind p, NormKind q)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        if (n == 0) return new OperatorNormResult(0.0, []);
        if (m == 0) return new OperatorNormResult(0.0, UnitCoordinate(n, 0));

        if (p == NormKind.One) return BestColumn(j, q);
        if (q == NormKind.Inf) return BestRow(j, p);
        if (p == NormKind.Two && q == NormKind.Two) return LargestSingularValue(j);
        // Remaining: (inf, 1), (inf, 2), (2, 1).
        if (p == NormKind.Inf && (q == NormKind.Two || n <= m)) return BestInputSigns(j, q);
        return BestOutputSigns(j, p);
    }

    /// <summary>Whether <see cref="Compute"/> answers for an m x n matrix, rather than refusing an enumeration of more than
    /// 2^(<see cref="MaxEnumerationDimension"/> − 1) sign vectors; the same dispatch as Compute's.</summary>
    public static bool Computable(int m, int n, NormKind p, NormKind q)
    {
        if (m == 0 || n == 0 || IsClosedForm(p, q) || p == NormKind.Two && q == NormKind.Two) return true;
        int d = p == NormKind.Inf && (q == NormKind.Two || n <= m) ? n : m;
        return d <= MaxEnumerationDimension;
    }

    /// <summary>Whether <see cref="Compute"/> is a closed form (p = 1: the largest column; q = inf: the largest row)
    /// rather than an eigenvalue problem or an enumeration of sign vectors.</summary>
    public static bool IsClosedForm(NormKind p, NormKind q) => p == NormKind.One || q == NormKind.Inf;

    /// <summary>An upper bound on ‖J‖_{p→q} in O(size): the value itself where it is a closed form, else
    /// ‖Jv‖_q ≤ Σ_k |v_k| ‖J_{:,k}‖_q ≤ ‖v‖_∞ Σ_k ‖J_{:,k}‖_q (p = inf), the Frobenius norm (2, 2), and
    /// ‖Jv‖_1 ≤ Σ_i ‖J_{i,:}‖_2 ‖v‖_2 (2, 1). Widened by 1e-12 relative so that rounding never puts it below Compute's value.</summary>
    public static double CheapUpperBound(double[,] j, NormKind p, NormKind q)
    {
        if (IsClosedForm(p, q)) return Compute(j, p, q).Value;
        int m = j.GetLength(0), n = j.GetLength(1);
        double bound = 0;
        if (p == NormKind.Inf)
        {
            var column = new double[m];
            for (int k = 0; k < n; k++)
            {
                for (int i = 0; i < m; i++) column[i] = j[i, k];
                bound += VectorNorm.Norm(column, q);
            }
        }
        else if (q == NormKind.Two)
        {
            foreach (double v in j) bound += v * v;
            bound = Math.Sqrt(bound);
        }
        else
        {
            var row = new double[n];
            for (int i = 0; i < m; i++)
            {
                for (int k = 0; k < n; k++) row[k] = j[i, k];
                bound += VectorNorm.Norm(row, NormKind.Two);
            }
        }
        return bound * (1 + 1e-12);
    }

    /// <summary>p = 1: the ball's vertices are ±e_k, so the norm is the largest column q-norm.</summary>
    private static OperatorNormResult BestColumn(double[,] j, NormKind q)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        var column = new double[m];
        double best = -1.0;
        int bestIndex = 0;
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < m; i++) column[i] = j[i, k];
            double norm = VectorNorm.Norm(column, q);
            if (norm > best) { best = norm; bestIndex = k; }
        }
        return new OperatorNormResult(best, UnitCoordinate(n, bestIndex));
    }

    /// <summary>q = inf: max over rows of max over v of row·v, i.e. the largest dual norm of a row.</summary>
    private static OperatorNormResult BestRow(double[,] j, NormKind p)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        var row = new double[n];
        double best = -1.0;
        int bestIndex = 0;
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < n; k++) row[k] = j[i, k];
            double norm = VectorNorm.Norm(row, p.Dual());
            if (norm > best) { best = norm; bestIndex = i; }
        }
        for (int k = 0; k < n; k++) row[k] = j[bestIndex, k];
        return new OperatorNormResult(best, VectorNorm.DualMaximiser(row, p));
    }

    /// <summary>p = inf: the cube's vertices are the sign vectors (s and −s give the same norm).</summary>
    private static OperatorNormResult BestInputSigns(double[,] j, NormKind q)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        var signs = new double[n];
        var image = new double[m];
        double best = -1.0;
        double[] bestSigns = signs;
        foreach (var s in SignVectors(n, signs))
        {
            for (int i = 0; i < m; i++)
            {
                double sum = 0.0;
                for (int k = 0; k < n; k++) sum += j[i, k] * s[k];
                image[i] = sum;
            }
            double norm = VectorNorm.Norm(image, q);
            if (norm > best) { best = norm; bestSigns = (double[])s.Clone(); }
        }
        return new OperatorNormResult(best, bestSigns);
    }

    /// <summary>q = 1: ‖Jv‖_1 = max over sign vectors s of sᵀJv, so the norm is max over s of ‖Jᵀs‖_{p*}.</summary>
    private static OperatorNormResult BestOutputSigns(double[,] j, NormKind p)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        var signs = new double[m];
        var image = new double[n];
        double best = -1.0;
        double[] bestImage = new double[n];
        foreach (var s in SignVectors(m, signs))
        {
            for (int k = 0; k < n; k++)
            {
                double sum = 0.0;
                for (int i = 0; i < m; i++) sum += j[i, k] * s[i];
                image[k] = sum;
            }
            double norm = VectorNorm.Norm(image, p.Dual());
            if (norm > best) { best = norm; bestImage = (double[])image.Clone(); }
        }
        return new OperatorNormResult(best, VectorNorm.DualMaximiser(bestImage, p));
    }

    /// <summary>The sign vectors with first entry +1, written into (and yielded as) one buffer.</summary>
    private static IEnumerable<double[]> SignVectors(int d, double[] buffer)
    {
        if (d > MaxEnumerationDimension)
            throw new ArgumentException($"enumerating 2^{d - 1} sign vectors is too expensive (limit {MaxEnumerationDimension} dimensions)");
        long count = 1L << (d - 1);
        for (long mask = 0; mask < count; mask++)
        {
            buffer[0] = 1.0;
            for (int k = 1; k < d; k++) buffer[k] = ((mask >> (k - 1)) & 1) == 0 ? 1.0 : -1.0;
            yield return buffer;
        }
    }

    /// <summary>(2, 2): the square root of the largest eigenvalue of the smaller Gram matrix
    /// (JᵀJ or JJᵀ), with the top right singular vector as the direction.</summary>
    private static OperatorNormResult LargestSingularValue(double[,] j)
    {
        int m = j.GetLength(0), n = j.GetLength(1);
        bool useInputs = n <= m;
        int d = useInputs ? n : m;
        var gram = new double[d, d];
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++)
            {
                double sum = 0.0;
                if (useInputs) for (int i = 0; i < m; i++) sum += j[i, a] * j[i, b];
                else for (int k = 0; k < n; k++) sum += j[a, k] * j[b, k];
                gram[a, b] = gram[b, a] = sum;
            }
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        int top = 0;
        for (int i = 1; i < d; i++) if (values[i] > values[top]) top = i;
        double sigma = Math.Sqrt(Math.Max(values[top], 0.0));

        var direction = new double[n];
        if (useInputs)
        {
            for (int k = 0; k < n; k++) direction[k] = vectors[k, top];
        }
        else
        {
            // Right singular vector v = Jᵀu / ‖Jᵀu‖ from the left one u.
            for (int k = 0; k < n; k++)
            {
                double sum = 0.0;
                for (int i = 0; i < m; i++) sum += j[i, k] * vectors[i, top];
                direction[k] = sum;
            }
        }
        double length = VectorNorm.Norm(direction, NormKind.Two);
        if (length == 0.0) return new OperatorNormResult(0.0, UnitCoordinate(n, 0));
        for (int k = 0; k < n; k++) direction[k] /= length;
        return new OperatorNormResult(sigma, direction);
    }

    private static double[] UnitCoordinate(int n, int k)
    {
        var v = new double[n];
        v[k] = 1.0;
        return v;
    }
}
