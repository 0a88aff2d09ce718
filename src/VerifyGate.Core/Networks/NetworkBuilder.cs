namespace VerifyGate.Core.Networks;

/// <summary>Builds a <see cref="Network"/> node by node; each method returns the new node's index.</summary>
public sealed class NetworkBuilder
{
    private readonly List<Node> _nodes = new();

    public NetworkBuilder(int inputSize, string inputName = "input")
    {
        _nodes.Add(new InputNode(0, inputName, inputSize));
    }

    public int Count => _nodes.Count;
    public int Input => 0;
    public int SizeOf(int node) => _nodes[node].Size;
    public Node this[int node] => _nodes[node];

    public int Affine(int source, SparseMatrix weight, double[] bias, string? name = null) =>
        Affine([new AffineTerm(source, weight)], bias, name);

    public int Affine(IReadOnlyList<AffineTerm> terms, double[] bias, string? name = null)
    {
        int index = _nodes.Count;
        _nodes.Add(new AffineNode(index, name ?? $"affine{index}", terms, bias));
        return index;
    }

    /// <summary>Dense layer from a row-major weight array [outputs, inputs].</summary>
    public int Dense(int source, double[,] weight, double[] bias, string? name = null) =>
        Affine(source, SparseMatrix.FromDense(weight), bias, name);

    public int Relu(int source, string? name = null) => LeakyRelu(source, 0.0, name);

    public int LeakyRelu(int source, double negativeSlope, string? name = null)
    {
        int index = _nodes.Count;
        _nodes.Add(new ReluNode(index, name ?? $"relu{index}", source, _nodes[source].Size, negativeSlope));
        return index;
    }

    /// <summary>Elementwise a + b (a residual connection).</summary>
    public int Add(int a, int b, string? name = null)
    {
        int size = _nodes[a].Size;
        if (_nodes[b].Size != size) throw new NetworkException($"cannot add nodes of sizes {size} and {_nodes[b].Size}");
        return Affine([new AffineTerm(a, SparseMatrix.Identity(size)), new AffineTerm(b, SparseMatrix.Identity(size))], new double[size], name);
    }

    public Network Build(int output, int[]? inputShape = null, int[]? outputShape = null) =>
        new(_nodes.ToList(), output, inputShape, outputShape);

    public Network Build() => Build(_nodes.Count - 1);
}
