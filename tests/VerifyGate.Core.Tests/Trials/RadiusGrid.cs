using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>Grid upper bounds for the radius kinds along one free input (the others fixed at the centre):
/// where f(y) − f(x) changes sign between neighbouring grid points, an exact y with f(y) = f(x) lies in
/// between (f is continuous), so the pair's radius, bounded by the bracket's ends, is one the certified
/// lower bound may not exceed.</summary>
public static class RadiusGrid
{
    public const int Points = 801;

    /// <returns>The smallest bracketed radius, or +∞ when the grid brackets no separated pair with equal output.</returns>
    public static double UpperBound(Network network, double[] center, int free, double maxRadius, double separation, int output, bool preimage)
    {
        double c = center[free];
        var grid = Enumerable.Range(0, Points).Select(k => c - maxRadius + 2 * maxRadius * k / (Points - 1)).ToArray();
        double F(double v)
        {
            var x = (double[])center.Clone();
            x[free] = v;
            return network.Evaluate(x)[output];
        }
        var f = grid.Select(F).ToArray();
        double best = double.PositiveInfinity;
        foreach (double x in preimage ? new[] { c } : grid)
        {
            double fx = F(x);
            for (int j = 0; j + 1 < grid.Length; j++)
            {
                bool separated = Math.Min(Math.Abs(grid[j] - x), Math.Abs(grid[j + 1] - x)) >= separation && (grid[j] - x) * (grid[j + 1] - x) > 0;
                if (separated && (f[j] - fx) * (f[j + 1] - fx) <= 0)
                    best = Math.Min(best, Math.Max(Math.Abs(x - c), Math.Max(Math.Abs(grid[j] - c), Math.Abs(grid[j + 1] - c))));
            }
        }
        return best;
    }
}
