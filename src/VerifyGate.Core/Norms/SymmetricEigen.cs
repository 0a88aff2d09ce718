namespace VerifyGate.Core.Norms;

/// <summary>Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations,
/// iterated until the off-diagonal part vanishes to machine precision.</summary>
public static class SymmetricEigen
{
    /// <summary>Returns the eigenvalues (in no particular order) and the eigenvectors as the columns
    /// of <c>Vectors</c> (orthonormal). The input is not modified; only its upper triangle is read.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] symmetric)
    {
        int n = symmetric.GetLength(0);
        if (symmetric.GetLength(1) != n) throw new ArgumentException("the matrix is not square");
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                a[i, j] = a[j, i] = symmetric[i, j];
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1.0;

        for (int sweep = 0; sweep < 100; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p, q];
                    if (apq == 0.0) continue;
                    double app = a[p, p], aqq = a[q, q];
                    // An off-diagonal entry below the rounding unit of both diagonal entries no
                    // longer changes the eigenvalues: drop it (this is what ends the iteration).
                    double g = 100.0 * Math.Abs(apq);
                    if (sweep > 3 && Math.Abs(app) + g == Math.Abs(app) && Math.Abs(aqq) + g == Math.Abs(aqq))
                    {
                        a[p, q] = a[q, p] = 0.0;
                        continue;
                    }
                    rotated = true;
                    double theta = (aqq - app) / (2.0 * apq);
                    double t = Math.Abs(theta) > 1e150
                        ? 0.5 / theta
                        : Math.Sign(theta == 0 ? 1.0 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1.0));
                    double c = 1.0 / Math.Sqrt(t * t + 1.0);
                    double s = t * c;
                    Rotate(a, v, n, p, q, c, s, t);
                }
            if (!rotated) break;
        }

        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        return (values, v);
    }

    /// <summary>A ← Rᵀ A R with R the (p, q) rotation that zeroes a[p, q]; V ← V R.</summary>
    private static void Rotate(double[,] a, double[,] v, int n, int p, int q, double c, double s, double t)
    {
        double apq = a[p, q];
        a[p, p] -= t * apq;
        a[q, q] += t * apq;
        a[p, q] = a[q, p] = 0.0;
        for (int r = 0; r < n; r++)
        {
            if (r != p && r != q)
            {
                double arp = a[r, p], arq = a[r, q];
                a[r, p] = a[p, r] = c * arp - s * arq;
                a[r, q] = a[q, r] = s * arp + c * arq;
            }
            double vrp = v[r, p], vrq = v[r, q];
            v[r, p] = c * vrp - s * vrq;
            v[r, q] = s * vrp + c * vrq;
        }
    }
}
