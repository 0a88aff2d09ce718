using Onnx;

namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>Constant: a tensor known at import time (value, value_float(s), value_int(s)).</summary>
internal sealed class ConstantLowering : IOperatorLowering
{
    public void Lower(NodeProto node, ImportContext context)
    {
        var what = $"the value of {node.Describe()}";
        ConstantTensor value;
        if (node.Attribute("value") is { T: { } tensor }) value = TensorReader.Read(tensor, what);
        else if (node.Attribute("value_float") is { } f) value = Checked(new ConstantTensor([], [f.F]), what);
        else if (node.Attribute("value_floats") is { } fs) value = Checked(new ConstantTensor([fs.Floats.Count], fs.Floats.Select(v => (double)v).ToArray()), what);
        else if (node.Attribute("value_int") is { } i) value = new ConstantTensor([], [i.I]);
        else if (node.Attribute("value_ints") is { } ints) value = new ConstantTensor([ints.Ints.Count], ints.Ints.Select(v => (double)v).ToArray());
        else throw ImportCodes.Operator($"unsupported use of operator Constant (node '{node.DisplayName()}'): only dense numeric values are supported");
        context.SetOutput(node, value);
    }

    private static ConstantTensor Checked(ConstantTensor value, string what)
    {
        if (value.Data.Any(v => !double.IsFinite(v)))
            throw new OnnxImportException(ImportCodes.NonFiniteWeights, $"{what} holds a NaN or infinite value");
        return value;
    }
}
