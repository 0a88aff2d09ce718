namespace VerifyGate.Core.Onnx.Lowerings;

/// <summary>The ONNX operators (default domain) the importer understands.</summary>
internal static class OperatorRegistry
{
    private static readonly Dictionary<string, IOperatorLowering> Lowerings = new()
    {
        ["Gemm"] = new GemmLowering(),
        ["MatMul"] = new MatMulLowering(),
        ["Add"] = new ElementwiseLowering(ElementwiseOp.Add),
        ["Sub"] = new ElementwiseLowering(ElementwiseOp.Sub),
        ["Mul"] = new ElementwiseLowering(ElementwiseOp.Mul),
        ["Div"] = new ElementwiseLowering(ElementwiseOp.Div),
        ["Relu"] = new ReluLowering(leaky: false),
        ["LeakyRelu"] = new ReluLowering(leaky: true),
        ["Flatten"] = new FlattenLowering(),
        ["Reshape"] = new ReshapeLowering(),
        ["Squeeze"] = new SqueezeLowering(),
        ["Unsqueeze"] = new UnsqueezeLowering(),
        ["Identity"] = new PassThroughLowering(),
        ["Dropout"] = new DropoutLowering(),
        ["Constant"] = new ConstantLowering(),
        ["BatchNormalization"] = new BatchNormalizationLowering(),
        ["Conv"] = new ConvLowering(),
    };

    public static IReadOnlyCollection<string> Supported => Lowerings.Keys;

    public static IOperatorLowering? Find(string domain, string opType) =>
        (domain.Length == 0 || domain == "ai.onnx") && Lowerings.TryGetValue(opType, out var lowering) ? lowering : null;
}
