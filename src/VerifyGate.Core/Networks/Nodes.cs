namespace VerifyGate.Core.Networks;

/// <summary>A node of the network DAG. Every node produces a flat float64 vector of <see cref="Size"/>
/// values; nodes are numbered in topological order and refer to their sources by index.</summary>
public abstract class Node
{
    protected Node(int index, string name, int size)
    {
        if (size <= 0) throw new NetworkException($"node '{name}' has size {size}; every node needs at least one value");
        Index = index;
        Name = name;
        Size = size;
    }

    public int Index { get; }
    /// <summary>Where the node came from (the ONNX node or tensor name), for messages.</summary>
    public string Name { get; }
    public int Size { get; }
    public abstract IEnumerable<int> Sources { get; }
}

/// <summary>The network's single data input.</summary>
public sealed class InputNode(int index, string name, int size) : Node(index, name, size)
{
    public override IEnumerable<int> Sources => [];
}

/// <summary>One weighted source of an affine node.</summary>
public sealed record AffineTerm(int Source, SparseMatrix Weight);

/// <summary>y = Σ_k W_k x_k + b: covers Gemm, MatMul, Add, constant arithmetic, BatchNormalization,
/// lowered Conv, and residual sums (several terms).</summary>
public sealed class AffineNode : Node
{
    public AffineNode(int index, string name, IReadOnlyList<AffineTerm> terms, double[] bias)
        : base(index, name, bias.Length)
    {
        if (terms.Count == 0) throw new NetworkException($"affine node '{name}' has no inputs");
        foreach (var term in terms)
            if (term.Weight.Rows != bias.Length)
                throw new NetworkException($"affine node '{name}': weight has {term.Weight.Rows} rows but the node has {bias.Length} outputs");
        Terms = terms;
        Bias = bias;
    }

    public IReadOnlyList<AffineTerm> Terms { get; }
    public double[] Bias { get; }
    public override IEnumerable<int> Sources => Terms.Select(t => t.Source);
}

/// <summary>y = max(x, αx) elementwise with 0 &lt;= α &lt; 1: α = 0 is ReLU, α &gt; 0 LeakyReLU.</summary>
public sealed class ReluNode : Node
{
    public ReluNode(int index, string name, int source, int size, double negativeSlope)
        : base(index, name, size)
    {
        if (!(negativeSlope >= 0.0 && negativeSlope < 1.0))
            throw new NetworkException($"activation '{name}': negative slope {negativeSlope} is outside [0, 1)");
        Source = source;
        NegativeSlope = negativeSlope;
    }

    public int Source { get; }
    public double NegativeSlope { get; }
    public override IEnumerable<int> Sources => [Source];
}

public sealed class NetworkException(string message) : Exception(message);
