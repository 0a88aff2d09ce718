using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx.Lowerings;

internal enum ElementwiseOp { Add, Sub, Mul, Div }

/// <summary>Add, Sub, Mul, Div with ONNX broadcasting. With one constant operand the result is an
/// affine map of the other (input normalisation, biases); Add and Sub of two computed tensors is a
/// sum of two terms (residual connections). Products and quotients of computed tensors are refused.</summary>
internal sealed class ElementwiseLowering(ElementwiseOp op) : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var a = context.Input(node, 0);
        var b = context.Input(node, 1);
        var shape = Broadcasting.Shape(a.Shape, b.Shape, node.Describe());
        var ia = Broadcasting.SourceIndices(a.Shape, shape);
        var ib = Broadcasting.SourceIndices(b.Shape, shape);
        Tensor result = (a, b) switch
        {
            (ConstantTensor ca, ConstantTensor cb) => Fold(ca, cb, ia, ib, shape, node),
            (NodeTensor na, ConstantTensor cb) => WithConstant(context, node, na, cb, constantFirst: false, ia, ib, shape),
            (ConstantTensor ca, NodeTensor nb) => WithConstant(context, node, nb, ca, constantFirst: true, ib, ia, shape),
            _ => TwoNodes(context, node, (NodeTensor)a, (NodeTensor)b, ia, ib, shape),
        };
        context.SetOutput(node, result);
    }

    private ConstantTensor Fold(ConstantTensor a, ConstantTensor b, int[] ia, int[] ib, int[] shape, NodeProto node)
    {
        var data = new double[ia.Length];
        for (int r = 0; r < data.Length; r++)
        {
            double x = a.Data[ia[r]], y = b.Data[ib[r]];
            data[r] = op switch { ElementwiseOp.Add => x + y, ElementwiseOp.Sub => x - y, ElementwiseOp.Mul => x * y, _ => x / y };
            if (!double.IsFinite(data[r]))
                throw new OnnxImportException(ImportCodes.NonFiniteWeights, $"{node.Describe()} computes a NaN or infinite constant");
        }
        return new ConstantTensor(shape, data);
    }

    /// <summary>y_r = s_r x_{ix[r]} + t_r for the node operand x and the constant c.</summary>
    private NodeTensor WithConstant(ImportContext context, NodeProto node, NodeTensor x, ConstantTensor c,
        bool constantFirst, int[] ix, int[] ic, int[] shape)
    {
        int rows = ix.Length;
        var weight = new SparseMatrix.Builder(rows, x.Size);
        var bias = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double k = c.Data[ic[r]];
            (double scale, double offset) = (op, constantFirst) switch
            {
                (ElementwiseOp.Add, _) => (1.0, k),
                (ElementwiseOp.Sub, false) => (1.0, -k),
                (ElementwiseOp.Sub, true) => (-1.0, k),
                (ElementwiseOp.Mul, _) => (k, 0.0),
                (ElementwiseOp.Div, false) => (1.0 / k, 0.0),
                _ => throw ImportCodes.Operator($"unsupported use of operator Div (node '{node.DisplayName()}'): the divisor depends on the input"),
            };
            if (!double.IsFinite(scale))
                throw new OnnxImportException(ImportCodes.NonFiniteWeights, $"{node.Describe()} divides by a zero constant");
            if (scale != 0.0) weight.Add(r, ix[r], scale);
            bias[r] = offset;
        }
        return context.AddAffine(node, x, weight.Build(), bias, shape);
    }

    private NodeTensor TwoNodes(ImportContext context, NodeProto node, NodeTensor a, NodeTensor b, int[] ia, int[] ib, int[] shape)
    {
        if (op is ElementwiseOp.Mul or ElementwiseOp.Div)
            throw ImportCodes.Operator($"unsupported use of operator {node.OpType} (node '{node.DisplayName()}'): both operands depend on the input, which is not piecewise linear");
        double sign = op == ElementwiseOp.Sub ? -1.0 : 1.0;
        int rows = ia.Length;
        if (a.Node == b.Node)
        {
            var both = new SparseMatrix.Builder(rows, a.Size);
            for (int r = 0; r < rows; r++) { both.Add(r, ia[r], 1.0); both.Add(r, ib[r], sign); }
            return context.AddAffine(node, a, both.Build(), new double[rows], shape);
        }
        var wa = new SparseMatrix.Builder(rows, a.Size);
        var wb = new SparseMatrix.Builder(rows, b.Size);
        for (int r = 0; r < rows; r++) { wa.Add(r, ia[r], 1.0); wb.Add(r, ib[r], sign); }
        return context.AddAffine(node, [new AffineTerm(a.Node, wa.Build()), new AffineTerm(b.Node, wb.Build())], new double[rows], shape);
    }
}
