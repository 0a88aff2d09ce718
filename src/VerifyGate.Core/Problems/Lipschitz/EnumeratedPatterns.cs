using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>L_{p,q} over a box with few unstable ReLUs, by enumerating their phases: every activation pattern
/// that agrees with the box's stable neurons, and its Jacobian's exact norm (<see cref="PatternNorm"/>).
/// Soundness: the Jacobian at any differentiable point of the box is that of one of these patterns, and the
/// generalized Jacobian at any other point is a convex combination of them, whose norm is no larger
/// (norms are convex): the largest norm bounds L over the box, and so does the largest norm of the patterns whose region is not proven
/// empty (<see cref="PatternRegion"/>). That is L itself when its region meets the box with interior, which the caller checks.</summary>
public static class EnumeratedPatterns
{
    /// <summary>Jacobian work (patterns x parameters x inputs) allowed for one box.</summary>
    public const double WorkLimit = 2e8;

    public static bool Affordable(Network network, int unstable, double workLimit = WorkLimit) =>
        unstable <= 20 && Math.Pow(2, unstable) * network.ParameterCount * network.InputSize <= workLimit;

    /// <summary>Every pattern's norm, largest first (masks of <see cref="Ranking.Walk"/>); null when some pattern's
    /// norm cannot be computed exactly or the walk was cancelled.</summary>
    public static Ranking? Ranked(LipschitzQuery boxQuery, NetworkBounds bounds, CancellationToken cancellation = default)
    {
        var network = boxQuery.Network;
        var unstable = new List<(int Node, int Neuron)>();
        var phases = new Dictionary<int, bool[]>();
        foreach (var relu in network.Activations)
        {
            var states = bounds.States(relu.Index);
            phases[relu.Index] = states.Select(s => s == NeuronState.StableActive).ToArray();
            for (int r = 0; r < states.Length; r++)
                if (states[r] == NeuronState.Unstable) unstable.Add((relu.Index, r));
        }
        var walk = new PatternWalk(network, phases, unstable);
        var order = new List<(double Value, long Mask)>(walk.Count);
        bool exact = true;
        bool complete = walk.Visit((mask, jacobian) =>
        {
            if (!exact) return;
            var norm = PatternNorm.Compute(jacobian, boxQuery.SelectedOutputs, boxQuery.FixedInputs, boxQuery.InputNorm, boxQuery.OutputNorm);
            if (norm is null) exact = false;
            else order.Add((norm.Value, mask));
        }, cancellation);
        if (!exact || !complete) return null;
        order.Sort((a, b) => b.Value.CompareTo(a.Value));
        return new Ranking(walk, order);
    }

    public sealed record Ranking(PatternWalk Walk, IReadOnlyList<(double Value, long Mask)> Order);
}
