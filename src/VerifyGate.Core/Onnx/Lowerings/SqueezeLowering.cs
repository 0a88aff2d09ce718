using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Squeeze: drops size-1 axes (the listed ones, or all); shape only.</summary>
internal sealed class SqueezeLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var input = context.Input(node, 0);
        int rank = input.Shape.Length;
        long[]? axes = context.HasInput(node, 1)
            ? context.Constant(node, 1, "axes").Data.Select(v => (long)v).ToArray()
            : node.Ints("axes");
        var drop = new bool[rank];
        if (axes == null || axes.Length == 0)
            for (int i = 0; i < rank; i++) drop[i] = input.Shape[i] == 1;
        else
            foreach (long axis in axes)
            {
                int a = Shapes.Axis(axis, rank, node.Describe());
                if (input.Shape[a] != 1)
                    throw ImportCodes.Structure($"{node.Describe()}: cannot squeeze axis {axis} of size {input.Shape[a]}");
                drop[a] = true;
            }
        var shape = input.Shape.Where((_, i) => !drop[i]).ToArray();
        context.SetOutput(node, input.WithShape(shape));
    }
}

/// <summary>Unsqueeze: inserts size-1 axes at the listed output positions; shape only.</summary>
internal sealed class UnsqueezeLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var input = context.Input(node, 0);
        long[] axes = context.HasInput(node, 1)
            ? context.Constant(node, 1, "axes").Data.Select(v => (long)v).ToArray()
            : node.Ints("axes") ?? throw ImportCodes.Structure($"{node.Describe()} has no axes");
        int rank = input.Shape.Length + axes.Length;
        var inserted = new bool[rank];
        foreach (long axis in axes)
        {
            int a = Shapes.Axis(axis, rank, node.Describe());
            if (inserted[a]) throw ImportCodes.Structure($"{node.Describe()}: axis {axis} is listed twice");
            inserted[a] = true;
        }
        var shape = new int[rank];
        int next = 0;
        for (int i = 0; i < rank; i++) shape[i] = inserted[i] ? 1 : input.Shape[next++];
        context.SetOutput(node, input.WithShape(shape));
    }
}
