using VerifyGate.Core.Onnx;
using Xunit.Abstractions;
using static VerifyGate.Core.Tests.Onnx.OnnxModelBuilder;

namespace VerifyGate.Core.Tests.Onnx;

/// <summary>Files that are not usable models are refused with a diagnostic naming the file and the cause.</summary>
public sealed class BadModelTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vg-onnx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VerifyGateException Refused(string path, string code, params string[] causes)
    {
        var e = Assert.Throws<VerifyGateException>(() => OnnxImporter.Load(path));
        output.WriteLine(e.Message);
        Assert.Equal(code, e.Diagnostic.Code);
        Assert.Equal(path, e.Diagnostic.File);
        Assert.StartsWith($"{path}: error {code}: ", e.Message);
        foreach (var cause in causes) Assert.Contains(cause, e.Diagnostic.Message);
        return e;
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>x[1,3] -> Gemm(W, b) -> Relu -> y[1,2], with the weight values given.</summary>
    private static OnnxModelBuilder Dense(params float[] weights) => new OnnxModelBuilder()
        .Input("x", 1, 3).Output("y", 1, 2)
        .Initializer("W", [2, 3], weights)
        .Random("b", 1, 2)
        .Node("Gemm", ["x", "W", "b"], ["z"], "dense", Int("transB", 1))
        .Node("Relu", "z", "y");

    [Fact]
    public void Missing_file() =>
        Refused(Path.Combine(_dir, "nowhere.onnx"), "VG2001", "does not exist");

    [Fact]
    public void Empty_file() =>
        Refused(Write("empty.onnx", []), "VG2002", "empty");

    [Fact]
    public void Random_bytes()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        Refused(Write("noise.onnx", bytes), "VG2002", "not a valid ONNX model");
    }

    [Fact]
    public void Truncated_model()
    {
        var bytes = File.ReadAllBytes(TestPaths.Model("mnistfc/mnist-net_256x2.onnx"));
        Refused(Write("half.onnx", bytes[..(bytes.Length / 2)]), "VG2002", "not a valid ONNX model");
    }

    [Fact]
    public void Text_file() =>
        Refused(Write("readme.onnx", "this is not a model\n"u8.ToArray()), "VG2002");

    [Fact]
    public void A_dimension_of_zero()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 0).Output("y", 1, 0).Node("Relu", "x", "y");
        Refused(model.Save(_dir, "zero.onnx"), "VG2004", "'x'", "dimension 0");
    }

    [Fact]
    public void A_weight_with_dimension_zero()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 0)
            .Initializer("W", [0, 3], []).Node("Gemm", ["x", "W"], ["y"], "g", Int("transB", 1));
        Refused(model.Save(_dir, "zeroweight.onnx"), "VG2004", "'W'", "dimension 0");
    }

    [Fact]
    public void NaN_weights() =>
        Refused(Dense(1, 2, float.NaN, 4, 5, 6).Save(_dir, "nan.onnx"), "VG2005", "'W'", "NaN");

    [Fact]
    public void Infinite_weights() =>
        Refused(Dense(1, 2, 3, 4, float.NegativeInfinity, 6).Save(_dir, "inf.onnx"), "VG2005", "'W'", "infinite");

    [Fact]
    public void NaN_in_a_constant_node()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 2).Output("y", 1, 2)
            .Node("Constant", [], ["c"], "mean", Tensor("value", [1], float.NaN))
            .Node("Sub", ["x", "c"], ["y"], "centre");
        Refused(model.Save(_dir, "nanconst.onnx"), "VG2005", "'mean'", "NaN");
    }

    [Fact]
    public void Two_data_inputs()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 2).Input("u", 1, 2).Output("y", 1, 2)
            .Node("Add", ["x", "u"], ["y"], "sum");
        Refused(model.Save(_dir, "two.onnx"), "VG2004", "2 data inputs", "'x'", "'u'");
    }

    [Fact]
    public void Two_outputs()
    {
        var model = Dense(1, 2, 3, 4, 5, 6).Output("z", 1, 2);
        Refused(model.Save(_dir, "twoout.onnx"), "VG2004", "2 outputs", "'y'", "'z'");
    }

    [Fact]
    public void An_unsupported_operator()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 3).Node("Sigmoid", ["x"], ["y"], "Sigmoid_3");
        Refused(model.Save(_dir, "sigmoid.onnx"), "VG2003", "unsupported operator Sigmoid (node 'Sigmoid_3')");
    }

    [Fact]
    public void A_product_of_two_computed_tensors()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 3).Node("Mul", ["x", "x"], ["y"], "square");
        Refused(model.Save(_dir, "square.onnx"), "VG2003", "Mul", "'square'");
    }

    [Fact]
    public void A_symbolic_non_batch_dimension()
    {
        var model = new OnnxModelBuilder().Input("x", 1, -1).Output("y", 1, -1).Node("Relu", "x", "y");
        Refused(model.Save(_dir, "symbolic.onnx"), "VG2004", "symbolic dimension", "axis 1");
    }

    [Fact]
    public void An_unknown_tensor()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 3).Node("Add", ["x", "ghost"], ["y"], "haunted");
        Refused(model.Save(_dir, "ghost.onnx"), "VG2004", "'ghost'", "'haunted'");
    }

    [Fact]
    public void An_output_that_no_node_computes()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 3).Node("Relu", "x", "h");
        Refused(model.Save(_dir, "noout.onnx"), "VG2004", "'y'", "not computed");
    }

    [Fact]
    public void A_declared_output_shape_that_disagrees()
    {
        var model = Dense(1, 2, 3, 4, 5, 6);
        var proto = model.Model();
        proto.Graph.Output[0].Type.TensorType.Shape.Dim[1].DimValue = 7;
        string path = Write("wrongshape.onnx", Google.Protobuf.MessageExtensions.ToByteArray(proto));
        Refused(path, "VG2004", "[1,7]", "[1,2]");
    }

    [Fact]
    public void Dropout_in_training_mode()
    {
        var model = new OnnxModelBuilder().Input("x", 1, 3).Output("y", 1, 3)
            .Initializer("ratio", [], [0.5f])
            .Node("Constant", [], ["train"], "mode", BoolTensor("value", true))
            .Node("Dropout", ["x", "ratio", "train"], ["y"], "drop");
        Refused(model.Save(_dir, "training.onnx"), "VG2003", "Dropout", "'drop'", "training");
    }
}
