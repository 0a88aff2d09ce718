using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Dropout at inference is the identity; a model that asks for training mode is refused.</summary>
internal sealed class DropoutLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        bool training = context.HasInput(node, 2) && context.Constant(node, 2, "training_mode").Data.Any(v => v != 0);
        if (training || node.Int("is_test", 1) == 0)
            throw ImportCodes.Operator($"unsupported use of operator Dropout (node '{node.DisplayName()}'): training mode is random");
        context.SetOutput(node, context.Input(node, 0));
    }
}
