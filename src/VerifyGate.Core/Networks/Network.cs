namespace VerifyGate.Core.Networks;

/// <summary>A feed-forward ReLU network as a DAG over flat float64 vectors. Node 0 is the input;
/// nodes are in topological order; <see cref="OutputIndex"/> names the output node.</summary>
public sealed class Network
{
    public Network(IReadOnlyList<Node> nodes, int outputIndex, int[]? inputShape = null, int[]? outputShape = null)
    {
        if (nodes.Count == 0 || nodes[0] is not InputNode)
            throw new NetworkException("a network starts with its input node");
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Index != i) throw new NetworkException($"node '{node.Name}' has index {node.Index} at position {i}");
            if (i > 0 && node is InputNode) throw new NetworkException($"a second input node '{node.Name}'");
            foreach (int source in node.Sources)
                if (source < 0 || source >= i)
                    throw new NetworkException($"node '{node.Name}' reads node {source}, which does not come before it");
            switch (node)
            {
                case AffineNode affine:
                    foreach (var term in affine.Terms)
                    {
                        if (term.Weight.Columns != nodes[term.Source].Size)
                            throw new NetworkException($"affine node '{node.Name}': weight has {term.Weight.Columns} columns but its source '{nodes[term.Source].Name}' has {nodes[term.Source].Size} values");
                        if (!term.Weight.AllFinite())
                            throw new NetworkException($"node '{node.Name}' has NaN or infinite weights");
                    }
                    if (affine.Bias.Any(b => !double.IsFinite(b)))
                        throw new NetworkException($"node '{node.Name}' has a NaN or infinite bias");
                    break;
                case ReluNode relu when nodes[relu.Source].Size != relu.Size:
                    throw new NetworkException($"activation '{node.Name}' has size {relu.Size} but its source has {nodes[relu.Source].Size}");
            }
        }
        if (outputIndex <= 0 || outputIndex >= nodes.Count)
            throw new NetworkException($"output node {outputIndex} is not a computed node");
        Nodes = nodes;
        OutputIndex = outputIndex;
        InputShape = inputShape ?? [nodes[0].Size];
        OutputShape = outputShape ?? [nodes[outputIndex].Size];
    }

    public IReadOnlyList<Node> Nodes { get; }
    public int OutputIndex { get; }
    public int InputSize => Nodes[0].Size;
    public int OutputSize => Nodes[OutputIndex].Size;
    public int[] InputShape { get; }
    public int[] OutputShape { get; }

    public IEnumerable<ReluNode> Activations => Nodes.OfType<ReluNode>();
    public int NeuronCount => Activations.Sum(a => a.Size);

    public long ParameterCount => Nodes.OfType<AffineNode>()
        .Sum(a => a.Bias.LongLength + a.Terms.Sum(t => (long)t.Weight.NonZeros));

    /// <summary>The value of every node at input x.</summary>
    public double[][] EvaluateAll(ReadOnlySpan<double> x)
    {
        if (x.Length != InputSize) throw new ArgumentException($"the network takes {InputSize} inputs, got {x.Length}");
        var values = new double[Nodes.Count][];
        values[0] = x.ToArray();
        for (int i = 1; i < Nodes.Count; i++)
        {
            switch (Nodes[i])
            {
                case AffineNode affine:
                    var y = (double[])affine.Bias.Clone();
                    foreach (var term in affine.Terms) term.Weight.MultiplyAdd(values[term.Source], y);
                    values[i] = y;
                    break;
                case ReluNode relu:
                    var source = values[relu.Source];
                    var h = new double[relu.Size];
                    for (int j = 0; j < h.Length; j++)
                        h[j] = source[j] > 0 ? source[j] : relu.NegativeSlope * source[j];
                    values[i] = h;
                    break;
                default:
                    throw new NetworkException($"unknown node type {Nodes[i].GetType().Name}");
            }
        }
        return values;
    }

    public double[] Evaluate(ReadOnlySpan<double> x) => EvaluateAll(x)[OutputIndex];

    /// <summary>The activation pattern at x: for each activation node, which neurons are active
    /// (pre-activation strictly positive).</summary>
    public ActivationPattern PatternAt(ReadOnlySpan<double> x)
    {
        var values = EvaluateAll(x);
        var active = new Dictionary<int, bool[]>();
        foreach (var relu in Activations)
            active[relu.Index] = values[relu.Source].Select(z => z > 0).ToArray();
        return new ActivationPattern(active);
    }

    /// <summary>The Jacobian (OutputSize x InputSize) of the affine piece selected by a pattern.</summary>
    public double[,] Jacobian(ActivationPattern pattern) => PatternPasses.Jacobian(this, pattern);
}

/// <summary>Which neurons of each activation node are active (keyed by the activation node's index).</summary>
public sealed class ActivationPattern(IReadOnlyDictionary<int, bool[]> active)
{
    public bool[] Active(int activationNodeIndex) => active[activationNodeIndex];
    public IReadOnlyDictionary<int, bool[]> ByNode => active;
}
