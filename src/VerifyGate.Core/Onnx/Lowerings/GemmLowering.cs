using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Gemm: Y = alpha A' B' + beta C with A computed [M,K], B a constant, C an optional constant
/// broadcast to [M,N]; A' and B' are transposed when transA / transB are set.</summary>
internal sealed class GemmLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var a = context.Computed(node, 0, "first operand");
        var b = context.Constant(node, 1, "weight (second operand)");
        bool transA = node.Int("transA", 0) != 0, transB = node.Int("transB", 0) != 0;
        double alpha = node.Float("alpha", 1.0), beta = node.Float("beta", 1.0);
        if (a.Shape.Length != 2 || b.Shape.Length != 2)
            throw ImportCodes.Structure($"{node.Describe()}: operands of shapes {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)} are not matrices");
        int m = transA ? a.Shape[1] : a.Shape[0], k = transA ? a.Shape[0] : a.Shape[1];
        int kb = transB ? b.Shape[1] : b.Shape[0], n = transB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
            throw ImportCodes.Structure($"{node.Describe()}: inner dimensions {k} and {kb} differ");

        var weight = new SparseMatrix.Builder(m * n, m * k);
        for (int row = 0; row < m; row++)
            for (int col = 0; col < n; col++)
                for (int i = 0; i < k; i++)
                {
                    double w = alpha * (transB ? b.Data[col * k + i] : b.Data[i * n + col]);
                    if (w != 0.0) weight.Add(row * n + col, transA ? i * m + row : row * k + i, w);
                }

        var bias = new double[m * n];
        if (context.HasInput(node, 2))
        {
            var c = context.Constant(node, 2, "bias (third operand)");
            int[] shape = [m, n];
            if (!Broadcasting.Shape(c.Shape, shape, node.Describe()).SequenceEqual(shape))
                throw ImportCodes.Structure($"{node.Describe()}: bias of shape {Shapes.Format(c.Shape)} does not broadcast to [{m},{n}]");
            var ic = Broadcasting.SourceIndices(c.Shape, shape);
            for (int r = 0; r < bias.Length; r++) bias[r] = beta * c.Data[ic[r]];
        }
        context.SetOutput(node, context.AddAffine(node, a, weight.Build(), bias, [m, n]));
    }
}
