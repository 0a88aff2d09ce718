namespace VerifyGate.Core.Onnx;

/// <summary>A tensor during import: either a known constant or the value of a network node.</summary>
internal abstract class Tensor(int[] shape)
{
    public int[] Shape { get; } = shape;
    public int Size => Shapes.Product(Shape);
    public abstract Tensor WithShape(int[] shape);
}

internal sealed class ConstantTensor(int[] shape, double[] data) : Tensor(shape)
{
    public double[] Data { get; } = data;
    public override Tensor WithShape(int[] shape) => new ConstantTensor(shape, Data);
}

/// <summary>The value of network node <see cref="Node"/>, read in row-major order of <see cref="Tensor.Shape"/>.</summary>
internal sealed class NodeTensor(int[] shape, int node) : Tensor(shape)
{
    public int Node { get; } = node;
    public override Tensor WithShape(int[] shape) => new NodeTensor(shape, Node);
}

internal static class Shapes
{
    public static int Product(ReadOnlySpan<int> shape)
    {
        long p = 1;
        foreach (int d in shape)
        {
            p *= d;
            if (p > int.MaxValue) throw ImportCodes.Structure($"a tensor of shape {Format(shape)} is too large");
        }
        return (int)p;
    }

    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(",", shape.ToArray()) + "]";

    /// <summary>Normalises a possibly negative axis against a rank.</summary>
    public static int Axis(long axis, int rank, string where)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw ImportCodes.Structure($"{where}: axis {axis} is out of range for rank {rank}");
        return (int)a;
    }
}
