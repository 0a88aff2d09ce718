using VerifyGate.Core.Onnx;
using VerifyGate.Core.Witnesses;
using static VerifyGate.Core.Tests.Onnx.OnnxModelBuilder;

namespace VerifyGate.Core.Tests.Onnx;

public sealed class OnnxRuntimeModelTests
{
    [Fact]
    public void Runs_a_model_whose_weights_are_also_graph_inputs()
    {
        using var runtime = new OnnxRuntimeModel(TestPaths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx"));
        Assert.Equal("input", runtime.InputName);
        Assert.Equal([1, 1, 1, 5], runtime.InputShape);
        var y = runtime.Evaluate([0.6, -0.5, 0.5, 0.45, -0.45]);
        Assert.Equal(5, y.Length);
        Assert.All(y, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Evaluates_a_known_function_exactly()
    {
        // y = relu(2x - 1) elementwise
        var model = new OnnxModelBuilder().Input("x", -1, 3).Output("y", -1, 3)
            .Initializer("two", [], [2f]).Initializer("one", [], [1f])
            .Node("Mul", ["x", "two"], ["a"], "mul").Node("Sub", ["a", "one"], ["b"], "sub").Node("Relu", "b", "y");
        using var runtime = new OnnxRuntimeModel("f.onnx", model.ToBytes());
        Assert.Equal([0.0, 0.0, 2.0], runtime.Evaluate([0.25, 0.5, 1.5]));
    }

    [Fact]
    public void Batched_evaluation_matches_single_evaluations()
    {
        var bytes = new OnnxModelBuilder().Input("x", -1, 3).Output("y", -1, 2)
            .Random("W", 1, 2, 3).Random("b", 2, 2)
            .Node("Gemm", ["x", "W", "b"], ["h"], "fc", Int("transB", 1)).Node("Relu", "h", "y").ToBytes();
        using var runtime = new OnnxRuntimeModel("batch.onnx", bytes);
        var rng = new Random(4);
        var inputs = Enumerable.Range(0, 17).Select(_ => new[] { rng.NextDouble(), -rng.NextDouble(), rng.NextDouble() - 0.5 }).ToList();
        var batched = runtime.EvaluateBatch(inputs);
        Assert.Equal(17, batched.Length);
        for (int i = 0; i < inputs.Count; i++) Assert.Equal(runtime.Evaluate(inputs[i]), batched[i]);
        var network = OnnxImporter.Load("batch.onnx", bytes).Network;
        Assert.Equal(network.Evaluate(inputs[3])[1], batched[3][1], 5);
    }

    [Fact]
    public void Refuses_an_input_of_the_wrong_size()
    {
        using var runtime = new OnnxRuntimeModel(TestPaths.Model("dynamics/vdp.onnx"));
        Assert.Throws<ArgumentException>(() => runtime.Evaluate([1.0, 2.0]));
    }

    [Fact]
    public void A_file_it_cannot_load_is_a_diagnostic()
    {
        var e = Assert.Throws<VerifyGateException>(() => new OnnxRuntimeModel("junk.onnx", [1, 2, 3, 4, 5]));
        Assert.Equal("VG2002", e.Diagnostic.Code);
        Assert.Equal("junk.onnx", e.Diagnostic.File);
    }
}
