using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Sound lower and upper bounds on the value of every node of a network over an input box.
/// Bounds only ever tighten: <see cref="Tighten"/> intersects, so a later, stronger method (LP
/// tightening) can refine node by node in topological order. ReLU classification is read from the
/// current bounds of each activation's source, so it follows every refinement.</summary>
public sealed class NetworkBounds
{
    private readonly double[][] _lower;
    private readonly double[][] _upper;

    internal NetworkBounds(Network network, double[] inputLower, double[] inputUpper, BoundMethod method)
    {
        Network = network;
        Method = method;
        _lower = new double[network.Nodes.Count][];
        _upper = new double[network.Nodes.Count][];
        _lower[0] = (double[])inputLower.Clone();
        _upper[0] = (double[])inputUpper.Clone();
        for (int i = 1; i < _lower.Length; i++)
        {
            _lower[i] = Enumerable.Repeat(double.NegativeInfinity, network.Nodes[i].Size).ToArray();
            _upper[i] = Enumerable.Repeat(double.PositiveInfinity, network.Nodes[i].Size).ToArray();
        }
    }

    private NetworkBounds(NetworkBounds other)
    {
        Network = other.Network;
        Method = other.Method;
        _lower = other._lower.Select(b => (double[])b.Clone()).ToArray();
        _upper = other._upper.Select(b => (double[])b.Clone()).ToArray();
        _wholeBox = other._wholeBox ?? other;
    }

    /// <summary>A copy to be tightened to a part of the box given by constraints beyond it (a ReLU's phase,
    /// <see cref="PhaseSplit"/>): there bounds that cross prove that part empty (<see cref="IsEmpty"/>) instead
    /// of signalling an unsound bound.</summary>
    internal NetworkBounds ForSubdomain() => new(this);

    public Network Network { get; }
    /// <summary>The strongest method applied to every node so far.</summary>
    public BoundMethod Method { get; }

    /// <summary>Only for <see cref="ForSubdomain"/> copies: two sound bounds of some value crossed, so no point of the box meets the constraints.</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>A <see cref="ForSubdomain"/> copy: its bounds hold on a part of the input box only, not on all of it.</summary>
    public bool IsSubdomain => _wholeBox is not null;

    /// <summary>The bounds over the whole input box: these, or the ones a <see cref="ForSubdomain"/> copy was made from.
    /// A ReLU they leave unstable is a constraint of an activation pattern's region, whatever a part fixed.</summary>
    public NetworkBounds WholeBox => _wholeBox ?? this;

    private readonly NetworkBounds? _wholeBox;

    /// <summary>A copy of the lower bounds of node <paramref name="node"/>.</summary>
    public double[] Lower(int node) => (double[])_lower[node].Clone();
    /// <summary>A copy of the upper bounds of node <paramref name="node"/>.</summary>
    public double[] Upper(int node) => (double[])_upper[node].Clone();

    public double Lower(int node, int index) => _lower[node][index];
    public double Upper(int node, int index) => _upper[node][index];

    internal ReadOnlySpan<double> LowerSpan(int node) => _lower[node];
    internal ReadOnlySpan<double> UpperSpan(int node) => _upper[node];

    /// <summary>Sum over the node's values of upper − lower.</summary>
    public double TotalWidth(int node)
    {
        double sum = 0.0;
        for (int j = 0; j < _lower[node].Length; j++) sum += _upper[node][j] - _lower[node][j];
        return sum;
    }

    /// <summary>Bounds on the input of an activation node (= the bounds of its source node).</summary>
    public double[] PreActivationLower(int reluNode) => Lower(Activation(reluNode).Source);
    public double[] PreActivationUpper(int reluNode) => Upper(Activation(reluNode).Source);

    public NeuronState State(int reluNode, int neuron)
    {
        int source = Activation(reluNode).Source;
        return Classify(_lower[source][neuron], _upper[source][neuron]);
    }

    public NeuronState[] States(int reluNode)
    {
        var relu = Activation(reluNode);
        var states = new NeuronState[relu.Size];
        for (int j = 0; j < states.Length; j++)
            states[j] = Classify(_lower[relu.Source][j], _upper[relu.Source][j]);
        return states;
    }

    public int UnstableCount(int reluNode) => States(reluNode).Count(s => s == NeuronState.Unstable);

    /// <summary>Unstable neurons per activation node, keyed by the activation node's index.</summary>
    public IReadOnlyDictionary<int, int> UnstableByNode =>
        Network.Activations.ToDictionary(a => a.Index, a => UnstableCount(a.Index));

    public int TotalUnstable => Network.Activations.Sum(a => UnstableCount(a.Index));

    public static NeuronState Classify(double lower, double upper) =>
        lower >= 0.0 ? NeuronState.StableActive
        : upper <= 0.0 ? NeuronState.StableInactive
        : NeuronState.Unstable;

    /// <summary>Intersects the bounds of <paramref name="node"/> with [lower, upper] (both must be
    /// sound for the same input box) and passes the change on to activations reading the node.
    /// Nodes after it are not recomputed: refine in topological order.</summary>
    public void Tighten(int node, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (node <= 0 || node >= _lower.Length)
            throw new ArgumentOutOfRangeException(nameof(node), $"node {node} is not a computed node");
        var lo = _lower[node];
        var hi = _upper[node];
        if (lower.Length != lo.Length || upper.Length != hi.Length)
            throw new ArgumentException($"node {node} has {lo.Length} values, got bounds of length {lower.Length} and {upper.Length}");
        for (int j = 0; j < lo.Length; j++)
        {
            if (double.IsNaN(lower[j]) || double.IsNaN(upper[j]))
                throw new ArgumentException($"NaN bound for value {j} of node {node}");
            if (IsSubdomain && Crosses(lo[j], hi[j], lower[j], upper[j]))
            {
                if (Crosses(lo[j], hi[j], lower[j], upper[j], EmptyMargin * (1 + Math.Abs(lo[j]) + Math.Abs(hi[j]))))
                {
                    IsEmpty = true;
                    return;
                }
                continue;  // crossing by rounding only: the current bound stands
            }
            if (lower[j] > lo[j]) lo[j] = lower[j];
            if (upper[j] < hi[j]) hi[j] = upper[j];
            if (lo[j] > hi[j])
                throw new InvalidOperationException(
                    $"bounds of value {j} of node {node} became empty ([{lo[j]}, {hi[j]}]): some bound is unsound");
        }
        foreach (var consumer in Network.Activations)
            if (consumer.Source == node)
            {
                var (rl, ru) = IntervalStep.Activation(consumer, lo, hi);
                Tighten(consumer.Index, rl, ru);
            }
    }

    /// <summary>Bounds computed in float64 may cross by rounding where the part is thin but not empty: only a crossing
    /// wider than this (relative) proves it empty.</summary>
    private const double EmptyMargin = 1e-9;

    private static bool Crosses(double lo, double hi, double lower, double upper, double margin = 0) =>
        Math.Max(lo, lower) > Math.Min(hi, upper) + margin;

    private ReluNode Activation(int reluNode) =>
        Network.Nodes[reluNode] as ReluNode
        ?? throw new ArgumentException($"node {reluNode} ('{Network.Nodes[reluNode].Name}') is not an activation");
}
