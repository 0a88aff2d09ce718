using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>Checks bounds against the values of every node at sampled points of the box.</summary>
internal static class BoundSampling
{
    /// <summary>Points of the box: all corners when there are at most 1024, else random corners;
    /// random points with some coordinates at an end; uniform points.</summary>
    public static IEnumerable<double[]> Points(Random rng, double[] lower, double[] upper, int count)
    {
        int n = lower.Length, produced = 0;
        if (n <= 10)
        {
            for (int mask = 0; mask < 1 << n && produced < count; mask++, produced++)
                yield return Enumerable.Range(0, n).Select(i => (mask >> i & 1) == 1 ? upper[i] : lower[i]).ToArray();
        }
        for (; produced < count; produced++)
        {
            var x = new double[n];
            int kind = produced % 3;
            for (int i = 0; i < n; i++)
            {
                double t = kind switch
                {
                    0 => rng.Next(2),
                    1 => rng.Next(3) == 0 ? rng.Next(2) : rng.NextDouble(),
                    _ => rng.NextDouble(),
                };
                x[i] = lower[i] + t * (upper[i] - lower[i]);
                if (x[i] > upper[i]) x[i] = upper[i];
            }
            yield return x;
        }
    }

    /// <summary>Asserts that every node value at every point lies within every given bounds.</summary>
    public static void AssertContains(Network network, IEnumerable<double[]> points, params NetworkBounds[] all)
    {
        foreach (var x in points)
        {
            var values = network.EvaluateAll(x);
            foreach (var bounds in all)
                for (int node = 0; node < values.Length; node++)
                    for (int j = 0; j < values[node].Length; j++)
                    {
                        double v = values[node][j];
                        if (v < bounds.Lower(node, j) || v > bounds.Upper(node, j))
                            Assert.Fail($"{bounds.Method}: node {node} ('{network.Nodes[node].Name}') value {j} = {v} " +
                                $"outside [{bounds.Lower(node, j)}, {bounds.Upper(node, j)}] at x = [{string.Join(", ", x)}]");
                    }
        }
    }

    /// <summary>Asserts symbolic bounds are inside interval bounds at every node, up to nothing.</summary>
    public static void AssertNoLooser(NetworkBounds symbolic, NetworkBounds interval)
    {
        for (int node = 0; node < symbolic.Network.Nodes.Count; node++)
            for (int j = 0; j < symbolic.Network.Nodes[node].Size; j++)
            {
                Assert.True(symbolic.Lower(node, j) >= interval.Lower(node, j),
                    $"node {node} value {j}: symbolic lower {symbolic.Lower(node, j)} < interval {interval.Lower(node, j)}");
                Assert.True(symbolic.Upper(node, j) <= interval.Upper(node, j),
                    $"node {node} value {j}: symbolic upper {symbolic.Upper(node, j)} > interval {interval.Upper(node, j)}");
            }
    }

    public static double TotalWidth(NetworkBounds bounds) =>
        Enumerable.Range(1, bounds.Network.Nodes.Count - 1).Sum(bounds.TotalWidth);
}
