using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;

namespace VerifyGate.Core.Numerics;

/// <summary>A bound of largest magnitude: of one node, or of a whole network. These are the constants
/// the encodings write into the MIP (variable bounds and big-M coefficients).</summary>
/// <param name="NodeName">The model node the value belongs to.</param>
/// <param name="Index">The value's index within the node.</param>
public readonly record struct LargestBound(string NodeName, int Index, double Magnitude)
{
    /// <summary>Over every node after the input (the input box is the domain, checked on its own).</summary>
    public static LargestBound Of(NetworkBounds bounds) => Largest(PerNode(bounds));

    /// <summary>Over the tangent bounds (the big-M constants of the Lipschitz tangent encoding).</summary>
    public static LargestBound Of(NetworkBounds bounds, TangentBounds tangents) => Largest(PerNode(bounds, tangents));

    /// <summary>The largest pre-activation bound of each node after the input, in topological order.
    /// A NaN bound counts as infinitely large.</summary>
    public static IEnumerable<LargestBound> PerNode(NetworkBounds bounds) =>
        PerNode(bounds, (n, j) => Math.Max(-bounds.Lower(n, j), bounds.Upper(n, j)));

    /// <summary>The largest tangent bound of each node after the input, in topological order.</summary>
    public static IEnumerable<LargestBound> PerNode(NetworkBounds bounds, TangentBounds tangents) =>
        PerNode(bounds, tangents.Magnitude);

    private static IEnumerable<LargestBound> PerNode(NetworkBounds bounds, Func<int, int, double> magnitude)
    {
        var nodes = bounds.Network.Nodes;
        for (int n = 1; n < nodes.Count; n++)
        {
            var largest = new LargestBound(nodes[n].Name, 0, 0);
            for (int j = 0; j < nodes[n].Size; j++)
            {
                double m = magnitude(n, j);
                if (double.IsNaN(m)) m = double.PositiveInfinity;
                if (m > largest.Magnitude) largest = largest with { Index = j, Magnitude = m };
            }
            yield return largest;
        }
    }

    private static LargestBound Largest(IEnumerable<LargestBound> perNode) =>
        perNode.Aggregate(new LargestBound("", 0, 0), (a, b) => b.Magnitude > a.Magnitude ? b : a);
}
