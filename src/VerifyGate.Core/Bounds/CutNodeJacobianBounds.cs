using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Jacobian bounds that meet in the middle: when every path from the input to the output passes
/// through node k (a cut node, e.g. any layer of a plain MLP), the chain rule gives J(x) = G_k(x) F_k(x) with
/// G_k the sensitivity of the outputs to node k (<see cref="JacobianBounds.Sensitivities"/>) and F_k node k's
/// Jacobian (<see cref="ForwardJacobianBounds"/>). Both factors lie in their interval matrices at every x, so
/// the interval product encloses J; interval arithmetic is not associative, so splitting at different nodes
/// gives different enclosures, and their intersection (with the plain backward and forward ones) is kept.</summary>
public static class CutNodeJacobianBounds
{
    /// <summary>The intersection of <paramref name="jacobian"/> (outputs x inputs) with G_k ⊗ F_k at every cut node.</summary>
    public static IntervalMatrix Tighten(IntervalMatrix jacobian, Network network, IntervalMatrix?[] sensitivities, IntervalMatrix[] forward)
    {
        for (int k = 1; k < network.OutputIndex; k++)
            if (sensitivities[k] is IntervalMatrix g && IsCut(network, k))
                jacobian = jacobian.Intersect(Product(g, forward[k]));
        return jacobian;
    }

    /// <summary>The output cannot be reached from the input without passing through node k.</summary>
    private static bool IsCut(Network network, int k)
    {
        var reached = new bool[network.OutputIndex + 1];
        reached[0] = true;
        for (int i = 1; i <= network.OutputIndex; i++)
            reached[i] = i != k && network.Nodes[i].Sources.Any(s => reached[s]);
        return !reached[network.OutputIndex];
    }

    private static IntervalMatrix Product(IntervalMatrix a, IntervalMatrix b)
    {
        int rows = a.Rows, inner = a.Columns, columns = b.Columns;
        var lower = new double[rows * columns];
        var upper = new double[rows * columns];
        var magnitude = new double[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < inner; j++)
            {
                double al = a.Lower(r, j), au = a.Upper(r, j);
                if (al == 0.0 && au == 0.0) continue;
                for (int c = 0; c < columns; c++)
                {
                    double bl = b.Lower(j, c), bu = b.Upper(j, c);
                    double p1 = al * bl, p2 = al * bu, p3 = au * bl, p4 = au * bu;
                    double lo = Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), hi = Math.Max(Math.Max(p1, p2), Math.Max(p3, p4));
                    lower[r * columns + c] += lo;
                    upper[r * columns + c] += hi;
                    magnitude[r * columns + c] += Math.Max(Math.Abs(lo), Math.Abs(hi));
                }
            }
        SlopeInterval.Widen(lower, upper, magnitude);
        return new IntervalMatrix(rows, columns, lower, upper);
    }
}
