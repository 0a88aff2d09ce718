using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Relu and LeakyRelu(alpha, default 0.01) become activation nodes.</summary>
internal sealed class ReluLowering(bool leaky) : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        double slope = leaky ? node.Float("alpha", 0.01) : 0.0;
        if (!(slope >= 0.0 && slope < 1.0))
            throw ImportCodes.Operator($"unsupported use of operator {node.OpType} (node '{node.DisplayName()}'): alpha {slope} is outside [0, 1)");
        var input = context.Input(node, 0);
        if (input is ConstantTensor c)
        {
            context.SetOutput(node, new ConstantTensor(c.Shape, c.Data.Select(v => v > 0 ? v : slope * v).ToArray()));
            return;
        }
        var source = (NodeTensor)input;
        int index = context.Builder.LeakyRelu(source.Node, slope, node.DisplayName());
        context.SetOutput(node, new NodeTensor(source.Shape, index));
    }
}
