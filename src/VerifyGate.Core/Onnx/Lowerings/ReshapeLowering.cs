using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Reshape with a constant target shape: shape only (0 copies a dimension unless allowzero, -1 is inferred).</summary>
internal sealed class ReshapeLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var input = context.Input(node, 0);
        long[] target = context.HasInput(node, 1)
            ? context.Constant(node, 1, "target shape").Data.Select(v => (long)v).ToArray()
            : node.Ints("shape") ?? throw ImportCodes.Structure($"{node.Describe()} has no target shape");
        bool allowZero = node.Int("allowzero", 0) != 0;
        var shape = new int[target.Length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            long d = target[i];
            if (d == 0 && !allowZero)
            {
                if (i >= input.Shape.Length) throw ImportCodes.Structure($"{node.Describe()}: dimension 0 at axis {i} copies a missing input axis");
                d = input.Shape[i];
            }
            if (d == -1)
            {
                if (inferred >= 0) throw ImportCodes.Structure($"{node.Describe()}: more than one -1 in the target shape");
                inferred = i;
                continue;
            }
            if (d <= 0 || d > int.MaxValue) throw ImportCodes.Structure($"{node.Describe()}: target dimension {target[i]} is not supported");
            shape[i] = (int)d;
            known *= d;
        }
        if (inferred >= 0)
        {
            if (known == 0 || input.Size % known != 0)
                throw ImportCodes.Structure($"{node.Describe()}: cannot reshape {Shapes.Format(input.Shape)} to [{string.Join(",", target)}]");
            shape[inferred] = (int)(input.Size / known);
        }
        if (Shapes.Product(shape) != input.Size)
            throw ImportCodes.Structure($"{node.Describe()}: cannot reshape {Shapes.Format(input.Shape)} ({input.Size} values) to {Shapes.Format(shape)}");
        context.SetOutput(node, input.WithShape(shape));
    }
}
