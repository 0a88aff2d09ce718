using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx;

/// <summary>How often one ONNX operator type occurs in a model.</summary>
public sealed record OperatorCount(string Operator, int Count)
{
    public override string ToString() => $"{Operator} x{Count}";
}

/// <summary>An ONNX model lowered to the network IR, with what the import saw of the file.
/// Shapes have batch dimensions resolved to 1; tensors are flattened in row-major ONNX order.</summary>
public sealed record ImportedModel(
    Network Network,
    string Path,
    string InputName,
    int[] InputShape,
    string OutputName,
    int[] OutputShape,
    IReadOnlyList<OperatorCount> Operators,
    long Opset)
{
    /// <summary>The ONNX operators in order of first appearance, e.g. "Gemm x3, Relu x2".</summary>
    public string NodeSummary => string.Join(", ", Operators);
}
