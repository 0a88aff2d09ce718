using Onnx;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>BatchNormalization at inference: per channel (axis 1),
/// y = scale (x - mean) / sqrt(var + epsilon) + B, a diagonal affine map.</summary>
internal sealed class BatchNormalizationLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var x = context.Computed(node, 0, "data input");
        var scale = context.Constant(node, 1, "scale");
        var shift = context.Constant(node, 2, "bias");
        var mean = context.Constant(node, 3, "mean");
        var variance = context.Constant(node, 4, "variance");
        double epsilon = node.Float("epsilon", 1e-5);
        if (node.Int("training_mode", 0) != 0 || node.Int("spatial", 1) != 1)
            throw ImportCodes.Operator($"unsupported use of operator BatchNormalization (node '{node.DisplayName()}'): only inference mode with spatial statistics is supported");
        if (x.Shape.Length < 2)
            throw ImportCodes.Structure($"{node.Describe()}: input of shape {Shapes.Format(x.Shape)} has no channel axis");
        int channels = x.Shape[1];
        foreach (var p in new[] { scale, shift, mean, variance })
            if (p.Size != channels)
                throw ImportCodes.Structure($"{node.Describe()}: a parameter has {p.Size} values for {channels} channels");

        int inner = Shapes.Product(x.Shape.AsSpan(2));
        var diagonal = new double[x.Size];
        var bias = new double[x.Size];
        for (int i = 0; i < x.Size; i++)
        {
            int c = i / inner % channels;
            double denominator = Math.Sqrt(variance.Data[c] + epsilon);
            if (!(denominator > 0))
                throw new OnnxImportException(ImportCodes.NonFiniteWeights, $"{node.Describe()}: channel {c} has variance + epsilon <= 0");
            diagonal[i] = scale.Data[c] / denominator;
            bias[i] = shift.Data[c] - mean.Data[c] * diagonal[i];
        }
        context.SetOutput(node, context.AddAffine(node, x, SparseMatrix.Diagonal(diagonal), bias, x.Shape));
    }
}
