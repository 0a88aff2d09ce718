using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Identity, and Dropout at inference: the output is the input (no network node).</summary>
internal sealed class PassThroughLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context) =>
        context.SetOutput(node, context.Input(node, 0));
}
