using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx;

/// <summary>The state of one import: the tensors known so far by name and the network being built.</summary>
internal sealed class ImportContext
{
    private readonly Dictionary<string, Tensor> _tensors = new();
    private readonly Dictionary<string, TensorProto> _initializers;

    public ImportContext(NetworkBuilder builder, IEnumerable<TensorProto> initializers, long opset)
    {
        Builder = builder;
        Opset = opset;
        _initializers = new Dictionary<string, TensorProto>();
        foreach (var t in initializers) _initializers[t.Name] = t;
    }

    public NetworkBuilder Builder { get; }
    public long Opset { get; }

    public bool IsInitializer(string name) => _initializers.ContainsKey(name);

    public void Set(string name, Tensor tensor) => _tensors[name] = tensor;

    public Tensor? TryGet(string name)
    {
        if (_tensors.TryGetValue(name, out var tensor)) return tensor;
        if (_initializers.TryGetValue(name, out var proto))
        {
            tensor = TensorReader.Read(proto, $"weight tensor '{name}'");
            _tensors[name] = tensor;
            return tensor;
        }
        return null;
    }

    public bool HasInput(NodeProto node, int index) => index < node.Input.Count && node.Input[index].Length > 0;

    public Tensor Input(NodeProto node, int index)
    {
        if (!HasInput(node, index))
            throw ImportCodes.Structure($"{node.Describe()} lacks its input {index + 1}");
        string name = node.Input[index];
        return TryGet(name) ?? throw ImportCodes.Structure($"{node.Describe()} reads tensor '{name}', which no earlier node computes");
    }

    public ConstantTensor Constant(NodeProto node, int index, string role) => Input(node, index) switch
    {
        ConstantTensor c => c,
        _ => throw ImportCodes.Operator($"unsupported use of operator {node.OpType} (node '{node.DisplayName()}'): its {role} must be a constant, but it is computed from the input"),
    };

    public NodeTensor Computed(NodeProto node, int index, string role) => Input(node, index) switch
    {
        NodeTensor n => n,
        _ => throw ImportCodes.Operator($"unsupported use of operator {node.OpType} (node '{node.DisplayName()}'): its {role} is expected to depend on the input"),
    };

    public void SetOutput(NodeProto node, Tensor tensor)
    {
        if (node.Output.Count == 0 || node.Output[0].Length == 0)
            throw ImportCodes.Structure($"{node.Describe()} has no output");
        Set(node.Output[0], tensor);
    }

    /// <summary>Adds an affine node y = W x + b reading the node tensor x and names it after the ONNX node.</summary>
    public NodeTensor AddAffine(NodeProto node, NodeTensor source, SparseMatrix weight, double[] bias, int[] shape) =>
        AddAffine(node, [new AffineTerm(source.Node, weight)], bias, shape);

    public NodeTensor AddAffine(NodeProto node, IReadOnlyList<AffineTerm> terms, double[] bias, int[] shape)
    {
        int index = Builder.Affine(terms, bias, node.DisplayName());
        return new NodeTensor(shape, index);
    }
}
