using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Lowers one ONNX operator: reads the node's inputs from the context, adds network nodes
/// (or none, for shape-only operators) and records the node's output tensor.</summary>
internal interface IOperatorLowering
{
    void Lower(NodeProto node, ImportContext context);
}
