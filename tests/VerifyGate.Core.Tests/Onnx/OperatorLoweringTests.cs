using VerifyGate.Core.Networks;
using static VerifyGate.Core.Tests.Onnx.OnnxModelBuilder;

namespace VerifyGate.Core.Tests.Onnx;

/// <summary>Each lowering agrees with ONNX Runtime on small synthetic models.</summary>
public sealed class OperatorLoweringTests
{
    [Theory]
    [InlineData(false, false, 1.0f, 1.0f)]
    [InlineData(true, false, 0.5f, 2.0f)]
    [InlineData(false, true, -1.5f, 0.25f)]
    [InlineData(true, true, 2.0f, -1.0f)]
    public void Gemm_with_transposes_alpha_and_beta(bool transA, bool transB, float alpha, float beta)
    {
        // A is [2,3] (M=2, K=3), or [3,2] when transposed; Y is [2,4].
        long[] aShape = transA ? [3, 2] : [2, 3];
        long[] bShape = transB ? [4, 3] : [3, 4];
        var model = new OnnxModelBuilder().Input("a", aShape).Output("y", 2, 4)
            .Random("B", 1, bShape).Random("C", 2, 4)
            .Node("Gemm", ["a", "B", "C"], ["y"], "gemm",
                Int("transA", transA ? 1 : 0), Int("transB", transB ? 1 : 0), Float("alpha", alpha), Float("beta", beta));
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal([2, 4], imported.OutputShape);
    }

    [Fact]
    public void Gemm_broadcasts_a_scalar_bias_and_works_without_one()
    {
        var withScalar = new OnnxModelBuilder().Input("a", 1, 3).Output("y", 1, 2)
            .Random("B", 1, 3, 2).Initializer("C", [], [0.75f])
            .Node("Gemm", ["a", "B", "C"], ["y"], "gemm");
        CrossCheck.Agrees(withScalar.ToBytes());
        var withoutBias = new OnnxModelBuilder().Input("a", 1, 3).Output("y", 1, 2)
            .Random("B", 1, 3, 2).Node("Gemm", ["a", "B"], ["y"], "gemm");
        CrossCheck.Agrees(withoutBias.ToBytes());
    }

    [Theory]
    [InlineData(1, 1, 0, 1, 1)]    // plain 3x3
    [InlineData(2, 1, 1, 1, 1)]    // stride 2, pad 1
    [InlineData(1, 2, 2, 1, 1)]    // dilation 2, pad 2
    [InlineData(1, 1, 1, 2, 1)]    // 2 groups
    [InlineData(2, 1, 0, 4, 1)]    // depthwise, stride 2
    [InlineData(1, 1, 0, 1, 0)]    // no bias
    public void Conv_matches_onnx_runtime(int stride, int dilation, int pad, int groups, int withBias)
    {
        const int channels = 4, outChannels = 4, size = 7;
        var model = new OnnxModelBuilder().Input("x", 1, channels, size, size).Output("y")
            .Random("W", 5, outChannels, channels / groups, 3, 3)
            .Random("b", 6, outChannels);
        string[] inputs = withBias == 1 ? ["x", "W", "b"] : ["x", "W"];
        model.Node("Conv", inputs, ["y"], "conv",
            Ints("strides", stride, stride), Ints("dilations", dilation, dilation),
            Ints("pads", pad, pad, pad, pad), Int("group", groups), Ints("kernel_shape", 3, 3));
        var imported = CrossCheck.Agrees(model.ToBytes());
        int expected = (size + 2 * pad - (2 * dilation + 1)) / stride + 1;
        Assert.Equal([1, outChannels, expected, expected], imported.OutputShape);
    }

    [Fact]
    public void Conv_with_asymmetric_pads_rectangular_kernel_and_strides()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 2, 6, 9).Output("y")
            .Random("W", 7, 3, 2, 2, 3).Random("b", 8, 3)
            .Node("Conv", ["x", "W", "b"], ["y"], "conv",
                Ints("strides", 2, 3), Ints("pads", 0, 1, 2, 0));
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal([1, 3, 4, 3], imported.OutputShape);
    }

    [Theory]
    [InlineData("SAME_UPPER")]
    [InlineData("SAME_LOWER")]
    [InlineData("VALID")]
    public void Conv_with_auto_pad(string autoPad)
    {
        var model = new OnnxModelBuilder().Input("x", 1, 2, 6, 5).Output("y")
            .Random("W", 9, 2, 2, 2, 2)
            .Node("Conv", ["x", "W"], ["y"], "conv", String("auto_pad", autoPad), Ints("strides", 2, 2));
        CrossCheck.Agrees(model.ToBytes());
    }

    [Fact]
    public void BatchNormalization_after_conv_folds_into_one_node()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3, 5, 5).Output("y")
            .Random("W", 1, 3, 3, 3, 3).Random("b", 2, 3)
            .Random("scale", 3, 3).Random("shift", 4, 3).Random("mean", 5, 3)
            .Initializer("var", [3], [0.5f, 1.5f, 2.0f])
            .Node("Conv", ["x", "W", "b"], ["c"], "conv", Ints("pads", 1, 1, 1, 1))
            .Node("BatchNormalization", ["c", "scale", "shift", "mean", "var"], ["y"], "bn", Float("epsilon", 1e-3f));
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal(2, imported.Network.Nodes.Count);
    }

    [Fact]
    public void Per_channel_normalisation_with_sub_and_div()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3, 4, 4).Output("y", 1, 2)
            .Initializer("mean", [1, 3, 1, 1], [0.485f, 0.456f, 0.406f])
            .Initializer("std", [3, 1, 1], [0.229f, 0.224f, 0.225f])
            .Random("W", 11, 2, 48)
            .Node("Sub", ["x", "mean"], ["centred"], "sub")
            .Node("Div", ["centred", "std"], ["scaled"], "div")
            .Node("Flatten", "scaled", "flat")
            .Node("Gemm", ["flat", "W"], ["y"], "gemm", Int("transB", 1));
        var imported = CrossCheck.Agrees(model.ToBytes(), low: 0, high: 1);
        Assert.Equal(2, imported.Network.Nodes.Count); // input + one folded affine node
    }

    [Fact]
    public void Scalar_and_full_constants_on_either_side()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 4).Output("y", 1, 4)
            .Initializer("two", [], [2f]).Random("full", 12, 1, 4)
            .Node("Sub", ["two", "x"], ["a"], "reflect")      // 2 - x
            .Node("Mul", ["a", "full"], ["b"], "scale")       // (2 - x) * c
            .Node("Add", ["full", "b"], ["c"], "shift")       // c + ...
            .Node("Div", ["c", "two"], ["y"], "halve");
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal(2, imported.Network.Nodes.Count);
    }

    [Fact]
    public void LeakyRelu_keeps_its_slope()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 2)
            .Random("W", 13, 3, 4).Random("W2", 14, 4, 2)
            .Node("MatMul", ["x", "W"], ["h"], "mm")
            .Node("LeakyRelu", ["h"], ["a"], "leaky", Float("alpha", 0.2f))
            .Node("MatMul", ["a", "W2"], ["y"], "mm2");
        var imported = CrossCheck.Agrees(model.ToBytes());
        var relu = Assert.Single(imported.Network.Activations);
        Assert.Equal(0.2, relu.NegativeSlope, 6);
    }

    [Fact]
    public void Residual_add_of_two_nodes()
    {
        // y = relu(x W1 + b1) W2 + x  (a skip connection)
        var model = new OnnxModelBuilder().Input("x", 1, 4).Output("y", 1, 4)
            .Random("W1", 15, 6, 4).Random("b1", 16, 6).Random("W2", 17, 4, 6)
            .Node("Gemm", ["x", "W1", "b1"], ["h"], "fc1", Int("transB", 1))
            .Node("Relu", "h", "r")
            .Node("Gemm", ["r", "W2"], ["z"], "fc2", Int("transB", 1))
            .Node("Add", ["z", "x"], ["y"], "skip");
        var imported = CrossCheck.Agrees(model.ToBytes());
        var output = Assert.IsType<AffineNode>(imported.Network.Nodes[imported.Network.OutputIndex]);
        Assert.Equal(2, output.Terms.Count); // fc2 folded into the residual sum
    }

    [Fact]
    public void Shape_operators_make_no_nodes()
    {
        var model = new OnnxModelBuilder().Input("x", -1, 2, 3).Output("y", 1, 6)
            .Int64Initializer("shape", 3, 2).Int64Initializer("axes", 0).Int64Initializer("flat", -1, 6)
            .Random("W", 18, 6, 6)
            .Node("Reshape", ["x", "shape"], ["r"], "reshape")
            .Node("Unsqueeze", ["r", "axes"], ["u"], "unsqueeze")
            .Node("Squeeze", ["u", "axes"], ["s"], "squeeze")
            .Node("Identity", "s", "i")
            .Node("Dropout", "i", "d")
            .Node("Reshape", ["d", "flat"], ["f"], "reshape2")
            .Node("Relu", "f", "h")
            .Node("MatMul", ["h", "W"], ["y"], "mm");
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal([1, 2, 3], imported.InputShape); // symbolic batch resolved to 1
        Assert.Equal(3, imported.Network.Nodes.Count); // input, relu, matmul
    }

    [Fact]
    public void MatMul_with_a_constant_on_the_left()
    {
        // y = W x for x of shape [3, 2]: [4,3] x [3,2] -> [4,2]
        var model = new OnnxModelBuilder().Input("x", 3, 2).Output("y", 4, 2)
            .Random("W", 19, 4, 3).Node("MatMul", ["W", "x"], ["y"], "mm");
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal([4, 2], imported.OutputShape);
    }

    [Fact]
    public void Opset_11_squeeze_with_axes_attribute()
    {
        var model = new OnnxModelBuilder(opset: 11).Input("x", 1, 1, 4).Output("y", 4)
            .Node("Squeeze", ["x"], ["s"], "squeeze", Ints("axes", 0, 1))
            .Node("Relu", "s", "y");
        var imported = CrossCheck.Agrees(model.ToBytes());
        Assert.Equal([4], imported.OutputShape);
        Assert.Equal(11, imported.Opset);
    }
}
