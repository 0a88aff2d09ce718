using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

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

    /// <summary>Every pattern of the box's unstable ReLUs, to be taken largest norm first (<see cref="Ranking.Descending"/>);
    /// null when the norm cannot be computed exactly at this size or the walk was cancelled.</summary>
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
        var free = PatternNorm.FreeInputs(boxQuery.FixedInputs);
        if (free.Length == 0 || !OperatorNorm.Computable(boxQuery.SelectedOutputs.Length, free.Length, boxQuery.InputNorm, boxQuery.OutputNorm))
            return null;
        var ranking = new Ranking(new PatternWalk(network, phases, unstable), boxQuery.InputNorm, boxQuery.OutputNorm);
        bool complete = ranking.Walk.Visit((mask, jacobian) => ranking.Add(mask, PatternNorm.Restrict(jacobian, boxQuery.SelectedOutputs, free)), cancellation);
        return complete ? ranking : null;
    }

    /// <summary>The patterns of a walk, ordered lazily: each enters with a cheap upper bound on its norm
    /// (<see cref="OperatorNorm.CheapUpperBound"/>) and gets its exact norm only when it reaches the front, so a box whose
    /// largest patterns settle it never pays for the others' eigenvalue problems or sign enumerations.</summary>
    public sealed class Ranking(PatternWalk walk, NormKind p, NormKind q)
    {
        private readonly List<long> _masks = [];
        private readonly List<double[,]?> _jacobians = [];
        private readonly PriorityQueue<(int Index, bool Exact), double> _queue = new();  // priority: minus the key
        private readonly bool _closedForm = OperatorNorm.IsClosedForm(p, q);

        public PatternWalk Walk => walk;
        public int Count => _masks.Count;

        internal void Add(long mask, double[,] restrictedJacobian)
        {
            _masks.Add(mask);
            _jacobians.Add(_closedForm ? null : restrictedJacobian);
            _queue.Enqueue((_masks.Count - 1, _closedForm), -OperatorNorm.CheapUpperBound(restrictedJacobian, p, q));
        }

        /// <summary>Exact norms and masks, largest first (each key left in the queue bounds its pattern's norm, so the
        /// exact value at the front is at least every later one). Consumes the ranking: enumerate it once.</summary>
        public IEnumerable<(double Value, long Mask)> Descending()
        {
            while (_queue.TryDequeue(out var item, out double key))
            {
                if (item.Exact)
                {
                    yield return (-key, _masks[item.Index]);
                    continue;
                }
                _queue.Enqueue((item.Index, true), -OperatorNorm.Compute(_jacobians[item.Index]!, p, q).Value);
                _jacobians[item.Index] = null;
            }
        }
    }
}
