using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>L_{p,q} over a box with few unstable ReLUs, by enumerating their phases: every activation pattern
/// that agrees with the box's stable neurons, and its Jacobian's exact norm (<see cref="PatternNorm"/>).
/// Soundness: the Jacobian at any differentiable point of the box is that of one of these patterns, and the
/// generalized Jacobian at any other point is a convex combination of them, whose norm is no larger
/// (norms are convex): the largest norm bounds L over the box. It is L itself when the maximising pattern's
/// region meets the box with interior, which the caller checks.</summary>
public static class EnumeratedPatterns
{
    /// <summary>Jacobian work (patterns x parameters x inputs) allowed for one box.</summary>
    public const double WorkLimit = 2e6;

    public static bool Affordable(Network network, int unstable, double workLimit = WorkLimit) =>
        unstable <= 20 && Math.Pow(2, unstable) * network.ParameterCount * network.InputSize <= workLimit;

    /// <summary>The largest pattern norm and its pattern; null when some pattern's norm cannot be computed exactly.</summary>
    public static (double Value, ActivationPattern Pattern)? Maximum(LipschitzQuery boxQuery, NetworkBounds bounds)
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
        var fixedInputs = boxQuery.FixedInputs;
        (double Value, ActivationPattern Pattern)? best = null;
        for (long mask = 0; mask < 1L << unstable.Count; mask++)
        {
            var active = phases.ToDictionary(p => p.Key, p => (bool[])p.Value.Clone());
            for (int k = 0; k < unstable.Count; k++) active[unstable[k].Node][unstable[k].Neuron] = (mask >> k & 1) == 1;
            var pattern = new ActivationPattern(active);
            var norm = PatternNorm.Compute(network.Jacobian(pattern), boxQuery.SelectedOutputs, fixedInputs, boxQuery.InputNorm, boxQuery.OutputNorm);
            if (norm is null) return null;
            if (best is null || norm.Value > best.Value.Value) best = (norm.Value, pattern);
        }
        return best;
    }
}
