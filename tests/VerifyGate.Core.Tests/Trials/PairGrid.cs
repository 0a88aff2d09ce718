using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>Grid lower bounds for the maximisation kinds: every pair of grid points whose coupled outputs are
/// within η is feasible, so its value can never exceed the certified upper bound of D (invertibility) or M
/// (matching). x = y is always feasible, so the bound is at least 0.</summary>
public static class PairGrid
{
    /// <summary>The box's grid: the free inputs on <paramref name="perAxis"/> equally spaced values each,
    /// fixed inputs at their value.</summary>
    public static double[][] Points(TrialBox box, int perAxis)
    {
        IEnumerable<double[]> points = [(double[])box.Lower.Clone()];
        foreach (int i in box.Free)
            points = points.SelectMany(p => Enumerable.Range(0, perAxis).Select(k =>
            {
                var q = (double[])p.Clone();
                q[i] = box.Lower[i] + (box.Upper[i] - box.Lower[i]) * k / (perAxis - 1);
                return q;
            })).ToList();
        return points.ToArray();
    }

    /// <summary>Few free inputs get a fine grid; the pair count stays near 10^5.</summary>
    public static int PerAxis(int freeInputs) => freeInputs switch { 1 => 161, 2 => 25, _ => 9 };

    /// <summary>max ‖x − y‖_p (no <paramref name="model"/>: invertibility of <paramref name="coupled"/>) or
    /// max ‖g(x) − g(y)‖_q (matching, g = <paramref name="model"/>) over grid pairs with ‖f(x) − f(y)‖_q ≤ η.</summary>
    public static double BestValue(double[][] points, Network coupled, Network? model, NormKind p, NormKind q, double eta)
    {
        var f = points.Select(x => coupled.Evaluate(x)).ToArray();
        var g = model is null ? null : points.Select(x => model.Evaluate(x)).ToArray();
        double best = 0;
        for (int a = 0; a < points.Length; a++)
            for (int b = a + 1; b < points.Length; b++)
            {
                if (Distance(f[a], f[b], q) > eta) continue;
                best = Math.Max(best, g is null ? Distance(points[a], points[b], p) : Distance(g[a], g[b], q));
            }
        return best;
    }

    public static double Distance(double[] a, double[] b, NormKind norm) =>
        VectorNorm.Norm(a.Select((v, i) => v - b[i]).ToArray(), norm);
}
