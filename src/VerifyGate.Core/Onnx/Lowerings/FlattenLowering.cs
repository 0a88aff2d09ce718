using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Flatten(axis): shape only, [d0..d(axis-1)] x [d(axis)..].</summary>
internal sealed class FlattenLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var input = context.Input(node, 0);
        int rank = input.Shape.Length;
        long axis = node.Int("axis", 1);
        int a = axis == rank ? rank : Shapes.Axis(axis, Math.Max(rank, 1), node.Describe());
        int outer = Shapes.Product(input.Shape.AsSpan(0, a));
        context.SetOutput(node, input.WithShape([outer, input.Size / outer]));
    }
}
