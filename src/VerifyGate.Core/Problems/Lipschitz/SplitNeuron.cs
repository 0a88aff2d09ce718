using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Chooses the unstable ReLU to branch on (activation branching, for boxes over many inputs): among those
/// with the largest score min(u, −l) · ‖outgoing weights‖₁ (an input far from 0 on both sides, read by large weights,
/// widens the interval Jacobian most), the one whose two phases leave the fewest unstable ReLUs in total, as
/// <see cref="SplitDimension"/> scores input bisections. A phase whose part of the box is proven empty is dropped.</summary>
internal sealed class SplitNeuron(Network network)
{
    private const int Candidates = 8;
    /// <summary>Above this size each candidate's bound propagations cost more than a better choice saves (mnist-net_256x2,
    /// 270k parameters: 8 candidates spent most of the search's time scoring): the top score is taken.</summary>
    private const long ScoringParameterLimit = 100_000;
    private readonly Dictionary<int, double[]> _outgoing = OutgoingWeights(network);

    /// <summary>The node's phases' children (one, or none when both parts are empty), or null when no ReLU is unstable.</summary>
    public SplitBox[]? Split(SplitBox node, NetworkBounds bounds)
    {
        var candidates = new List<(int Relu, int Neuron, double Score)>();
        foreach (var relu in network.Activations)
        {
            var lower = bounds.LowerSpan(relu.Source);
            var upper = bounds.UpperSpan(relu.Source);
            for (int j = 0; j < relu.Size; j++)
                if (lower[j] < 0 && upper[j] > 0)
                    candidates.Add((relu.Index, j, Math.Min(upper[j], -lower[j]) * _outgoing[relu.Index][j]));
        }
        if (candidates.Count == 0) return null;
        return candidates.OrderByDescending(c => c.Score).Take(network.ParameterCount > ScoringParameterLimit ? 1 : Candidates)
            .Select(c => Children(node, bounds, c.Relu, c.Neuron))
            .MinBy(children => children.Sum(child => child.Unstable));
    }

    private static SplitBox[] Children(SplitBox node, NetworkBounds bounds, int relu, int neuron) =>
        new[] { true, false }
            .Select(active => PhaseSplit.Fix(bounds, relu, neuron, active))
            .OfType<NetworkBounds>()
            .Select(child => node with { Unstable = child.TotalUnstable, Bounds = child, FixedPhases = node.FixedPhases + 1 })
            .ToArray();

    /// <summary>Per activation node, the l1 norm of the weights that read each of its neurons.</summary>
    private static Dictionary<int, double[]> OutgoingWeights(Network network)
    {
        var sums = network.Activations.ToDictionary(a => a.Index, a => new double[a.Size]);
        foreach (var affine in network.Nodes.OfType<AffineNode>())
            foreach (var term in affine.Terms)
            {
                if (!sums.TryGetValue(term.Source, out var sum)) continue;
                for (int r = 0; r < affine.Size; r++)
                {
                    var columns = term.Weight.RowColumns(r);
                    var values = term.Weight.RowValues(r);
                    for (int k = 0; k < columns.Length; k++) sum[columns[k]] += Math.Abs(values[k]);
                }
            }
        return sums;
    }
}
