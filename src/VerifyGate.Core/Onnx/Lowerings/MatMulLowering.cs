using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>MatMul (numpy semantics) with one constant operand of rank 1 or 2: X W for a computed X of
/// shape [..., M, K], or W X for a computed X of shape [..., K, N].</summary>
internal sealed class MatMulLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var a = context.Input(node, 0);
        var b = context.Input(node, 1);
        var result = (a, b) switch
        {
            (NodeTensor x, ConstantTensor w) => RightConstant(context, node, x, w),
            (ConstantTensor w, NodeTensor x) => LeftConstant(context, node, w, x),
            _ => throw ImportCodes.Operator($"unsupported use of operator MatMul (node '{node.DisplayName()}'): exactly one operand must be a constant"),
        };
        context.SetOutput(node, result);
    }

    private static NodeTensor RightConstant(ImportContext context, NodeProto node, NodeTensor x, ConstantTensor w)
    {
        if (w.Shape.Length is not (1 or 2) || x.Shape.Length == 0)
            throw ImportCodes.Structure($"{node.Describe()}: shapes {Shapes.Format(x.Shape)} x {Shapes.Format(w.Shape)} are not supported");
        int k = w.Shape[0], n = w.Shape.Length == 2 ? w.Shape[1] : 1;
        if (x.Shape[^1] != k)
            throw ImportCodes.Structure($"{node.Describe()}: inner dimensions {x.Shape[^1]} and {k} differ");
        int rows = x.Size / k;
        var weight = new SparseMatrix.Builder(rows * n, x.Size);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < k; i++)
                {
                    double v = w.Data[i * n + j];
                    if (v != 0.0) weight.Add(r * n + j, r * k + i, v);
                }
        var shape = x.Shape[..^1].ToList();
        if (w.Shape.Length == 2) shape.Add(n);
        return context.AddAffine(node, x, weight.Build(), new double[rows * n], shape.ToArray());
    }

    private static NodeTensor LeftConstant(ImportContext context, NodeProto node, ConstantTensor w, NodeTensor x)
    {
        if (w.Shape.Length is not (1 or 2) || x.Shape.Length == 0)
            throw ImportCodes.Structure($"{node.Describe()}: shapes {Shapes.Format(w.Shape)} x {Shapes.Format(x.Shape)} are not supported");
        int m = w.Shape.Length == 2 ? w.Shape[0] : 1, k = w.Shape[^1];
        bool xIsVector = x.Shape.Length == 1;
        int n = xIsVector ? 1 : x.Shape[^1];
        int xk = xIsVector ? x.Shape[0] : x.Shape[^2];
        if (xk != k)
            throw ImportCodes.Structure($"{node.Describe()}: inner dimensions {k} and {xk} differ");
        int batches = x.Size / (k * n);
        var weight = new SparseMatrix.Builder(batches * m * n, x.Size);
        for (int s = 0; s < batches; s++)
            for (int r = 0; r < m; r++)
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < k; i++)
                    {
                        double v = w.Data[r * k + i];
                        if (v != 0.0) weight.Add((s * m + r) * n + j, (s * k + i) * n + j, v);
                    }
        var shape = xIsVector ? new List<int>() : x.Shape[..^2].ToList();
        if (w.Shape.Length == 2) shape.Add(m);
        if (!xIsVector) shape.Add(n);
        return context.AddAffine(node, x, weight.Build(), new double[batches * m * n], shape.ToArray());
    }
}
