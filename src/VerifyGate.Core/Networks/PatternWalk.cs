namespace VerifyGate.Core.Networks;

/// <summary>Visits every phase assignment of a few free neurons (the other neurons' phases fixed) with the network's
/// Jacobian under it, in Gray-code order: consecutive assignments differ in one neuron, so only the nodes from that
/// neuron's activation onwards are recomputed. Neurons of later nodes take the bits that change most often, so most
/// steps recompute only the last layers (on SDnet_10_30_30_30_3 about 25 times less work than a Jacobian per pattern).</summary>
public sealed class PatternWalk
{
    private readonly Network _network;
    private readonly Dictionary<int, bool[]> _phases;
    private readonly (int Node, int Neuron)[] _free;

    /// <param name="phases">Every activation node's phases; those of <paramref name="free"/> neurons are ignored.</param>
    public PatternWalk(Network network, IReadOnlyDictionary<int, bool[]> phases, IEnumerable<(int Node, int Neuron)> free)
    {
        _network = network;
        _phases = phases.ToDictionary(p => p.Key, p => (bool[])p.Value.Clone());
        _free = [.. free.OrderByDescending(f => f.Node).ThenBy(f => f.Neuron)];
        if (_free.Length > 30) throw new ArgumentException($"{_free.Length} free neurons are too many to enumerate");
    }

    public int Count => 1 << _free.Length;

    /// <summary>Calls <paramref name="visit"/> once per assignment with its mask (bit k: free neuron k of
    /// <see cref="Pattern"/>'s order is active) and the output's Jacobian, which is only valid during the call.
    /// False when cancelled before the last assignment.</summary>
    public bool Visit(Action<long, double[,]> visit, CancellationToken cancellation = default)
    {
        var active = _phases.ToDictionary(p => p.Key, p => (bool[])p.Value.Clone());
        foreach (var (node, neuron) in _free) active[node][neuron] = false;
        var (slopes, _) = LocalAffineMap.Allocate(_network);
        LocalAffineMap.Recompute(_network, node => active[node], slopes, null, 1);
        Func<int, bool[]> phasesOf = n => active[n];
        long mask = 0;
        visit(mask, slopes[_network.OutputIndex]);
        for (long step = 1; step < Count; step++)
        {
            if ((step & 1023) == 0 && cancellation.IsCancellationRequested) return false;
            int bit = System.Numerics.BitOperations.TrailingZeroCount(step);
            mask ^= 1L << bit;
            var (node, neuron) = _free[bit];
            active[node][neuron] = !active[node][neuron];
            LocalAffineMap.Recompute(_network, phasesOf, slopes, null, node);
            visit(mask, slopes[_network.OutputIndex]);
        }
        return true;
    }

    /// <summary>The full pattern of one mask.</summary>
    public ActivationPattern Pattern(long mask)
    {
        var active = _phases.ToDictionary(p => p.Key, p => (bool[])p.Value.Clone());
        for (int k = 0; k < _free.Length; k++) active[_free[k].Node][_free[k].Neuron] = (mask >> k & 1) == 1;
        return new ActivationPattern(active);
    }
}
