using System.Diagnostics;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Witnesses;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Onnx;

/// <summary>Every supported shared model imports and agrees with ONNX Runtime.</summary>
public sealed class SharedModelImportTests(ITestOutputHelper output)
{
    public static TheoryData<string> SupportedModels()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.SharedModels, "*.onnx", SearchOption.AllDirectories).Order())
        {
            string relative = Path.GetRelativePath(TestPaths.SharedModels, path).Replace('\\', '/');
            if (!relative.StartsWith("unsupported/")) data.Add(relative);
        }
        return data;
    }

    [Fact]
    public void The_shared_models_are_found()
    {
        int count = SupportedModels().Count;
        Assert.True(count >= 60, $"only {count} shared models found under {TestPaths.SharedModels}");
    }

    [Theory]
    [MemberData(nameof(SupportedModels))]
    public void Network_matches_onnx_runtime(string relative)
    {
        string path = TestPaths.Model(relative);
        var watch = Stopwatch.StartNew();
        var model = OnnxImporter.Load(path);
        output.WriteLine($"{relative}: import {watch.Elapsed.TotalMilliseconds:F0} ms, {model.NodeSummary}, {model.Network.Nodes.Count} IR nodes, {model.Network.NeuronCount} neurons");
        using var runtime = new OnnxRuntimeModel(path);

        Assert.Equal(path, model.Path);
        Assert.Equal(runtime.InputName, model.InputName);
        Assert.Equal(runtime.InputShape, model.InputShape);
        bool image = model.InputShape.Length == 4 || model.Network.InputSize >= 784;
        double error = CrossCheck.MaxRelativeError(model, runtime, samples: 200, low: image ? 0 : -1, high: 1);
        output.WriteLine($"max relative error {error:E2}");
        Assert.True(error < CrossCheck.Tolerance, $"{relative}: network and ONNX Runtime differ by {error:E3}");
    }

    [Fact]
    public void Acas_xu_folds_each_affine_chain_into_one_node()
    {
        var model = OnnxImporter.Load(TestPaths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx"));
        // Sub -> Flatten -> MatMul -> Add is one affine node; then 6 x (Relu, MatMul+Add).
        Assert.Equal(1 + 7 + 6, model.Network.Nodes.Count);
        Assert.Equal(6, model.Network.Activations.Count());
        Assert.Equal(300, model.Network.NeuronCount);
        Assert.Equal([1, 1, 1, 5], model.InputShape);
        Assert.Equal([1, 5], model.OutputShape);
        Assert.Equal("linear_7_Add", model.OutputName);
        Assert.Equal(8, model.Opset);
        Assert.Equal("Sub x1, Flatten x1, MatMul x7, Add x7, Relu x6", model.NodeSummary);
        var first = Assert.IsType<AffineNode>(model.Network.Nodes[1]);
        Assert.Equal(0, Assert.Single(first.Terms).Source);
    }

    [Fact]
    public void Normalised_mnist_folds_the_normalisation_into_the_first_layer()
    {
        var model = OnnxImporter.Load(TestPaths.Model("normalized/mnist_relu_9_200.onnx"));
        Assert.Equal(1 + 9 + 9, model.Network.Nodes.Count);
        Assert.IsType<ReluNode>(model.Network.Nodes[model.Network.OutputIndex]);
        Assert.Equal([1, 1, 28, 28], model.InputShape);
        Assert.Equal("Constant x2, Sub x1, Div x1, Flatten x1, Gemm x9, Relu x9", model.NodeSummary);
    }

    [Theory]
    [InlineData("conv/cifar_base_kw.onnx")]
    [InlineData("normalized/mnist_relu_9_200.onnx")]
    public void Large_models_import_quickly(string relative)
    {
        OnnxImporter.Load(TestPaths.Model(relative)); // warm up the JIT
        var watch = Stopwatch.StartNew();
        var model = OnnxImporter.Load(TestPaths.Model(relative));
        output.WriteLine($"{relative}: {watch.Elapsed.TotalMilliseconds:F0} ms, {model.Network.ParameterCount} parameters");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"import took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("unsupported/ffnnSIGMOID__Point_6x200.onnx", "Sigmoid")]
    [InlineData("unsupported/Convnet_maxpool.onnx", "MaxPool")]
    public void Unsupported_models_are_refused_naming_the_operator(string relative, string op)
    {
        var path = TestPaths.Model(relative);
        var e = Assert.Throws<VerifyGateException>(() => OnnxImporter.Load(path));
        Assert.Equal("VG2003", e.Diagnostic.Code);
        Assert.Equal(path, e.Diagnostic.File);
        Assert.Contains($"unsupported operator {op} (node '", e.Diagnostic.Message);
        output.WriteLine(e.Diagnostic.ToString());
    }
}
