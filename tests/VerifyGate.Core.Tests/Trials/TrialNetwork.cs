using System.Globalization;
using System.Text;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Onnx;
using static VerifyGate.Core.Tests.Onnx.OnnxModelBuilder;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>One hidden layer: a = act(W·prev + b), act the ReLU (slope 0) or a LeakyReLU, plus the
/// previous layer's activations when <see cref="SkipFromPrevious"/> (a residual edge).</summary>
public sealed record TrialLayer(double[][] Weight, double[] Bias, double NegativeSlope, bool SkipFromPrevious)
{
    public int Size => Bias.Length;
}

/// <summary>A tiny random network of the soundness trials, kept as plain numbers so that a failing trial
/// prints as a network one can paste into a regression test. All weights are float32 values, so the IR
/// built here and the ONNX file (float32 initializers) compute the same function.
/// <see cref="InputResidual"/>: the output is x + N(x) (outputs = inputs).</summary>
public sealed record TrialNetwork(int Inputs, TrialLayer[] Hidden, double[][] OutputWeight, double[] OutputBias, bool InputResidual)
{
    public int Outputs => OutputBias.Length;

    public Network Build()
    {
        var b = new NetworkBuilder(Inputs);
        int current = b.Input, previousActivation = -1;
        foreach (var layer in Hidden)
        {
            int activation = b.LeakyRelu(b.Dense(current, ToMatrix(layer.Weight), layer.Bias), layer.NegativeSlope);
            current = layer.SkipFromPrevious ? b.Add(activation, previousActivation) : activation;
            previousActivation = current;
        }
        int output = b.Dense(current, ToMatrix(OutputWeight), OutputBias);
        if (InputResidual) output = b.Add(b.Input, output);
        return b.Build(output);
    }

    /// <summary>The same network as an ONNX model: Gemm, Relu/LeakyRelu and Add nodes on x[1, inputs].</summary>
    public byte[] ToOnnx()
    {
        var onnx = new OnnxModelBuilder().Input("x", 1, Inputs).Output("y", 1, Outputs);
        string current = "x", previous = "";
        for (int k = 0; k < Hidden.Length; k++)
        {
            var layer = Hidden[k];
            Dense(onnx, $"l{k}", current, $"z{k}", layer.Weight, layer.Bias);
            string activation = layer.SkipFromPrevious ? $"a{k}" : $"h{k}";
            if (layer.NegativeSlope == 0) onnx.Node("Relu", $"z{k}", activation);
            else onnx.Node("LeakyRelu", $"z{k}", activation, Float("alpha", (float)layer.NegativeSlope));
            if (layer.SkipFromPrevious) onnx.Node("Add", [activation, previous], [$"h{k}"]);
            current = previous = $"h{k}";
        }
        Dense(onnx, "out", current, InputResidual ? "n" : "y", OutputWeight, OutputBias);
        if (InputResidual) onnx.Node("Add", ["x", "n"], ["y"]);
        return onnx.ToBytes();
    }

    private static void Dense(OnnxModelBuilder onnx, string name, string input, string output, double[][] weight, double[] bias)
    {
        onnx.Initializer($"{name}_W", [bias.Length, weight[0].Length], weight.SelectMany(row => row).Select(v => (float)v))
            .Initializer($"{name}_b", [1, bias.Length], bias.Select(v => (float)v))
            .Node("Gemm", [input, $"{name}_W", $"{name}_b"], [output], name, Int("transB", 1));
    }

    private static double[,] ToMatrix(double[][] rows)
    {
        var m = new double[rows.Length, rows[0].Length];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < rows[r].Length; c++) m[r, c] = rows[r][c];
        return m;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"network {Inputs} inputs -> {string.Join(" -> ", Hidden.Select(Describe))} -> {Outputs} outputs" +
                                     (InputResidual ? " (+ x)" : "") + "\n");
        for (int k = 0; k < Hidden.Length; k++)
            text.Append($"  W{k} = {Matrix(Hidden[k].Weight)}\n  b{k} = {Vector(Hidden[k].Bias)}\n");
        text.Append($"  Wout = {Matrix(OutputWeight)}\n  bout = {Vector(OutputBias)}");
        return text.ToString();
    }

    private static string Describe(TrialLayer layer) =>
        $"{layer.Size}{(layer.NegativeSlope == 0 ? " relu" : $" leaky({Number(layer.NegativeSlope)})")}{(layer.SkipFromPrevious ? " +skip" : "")}";

    internal static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    internal static string Vector(IEnumerable<double> v) => "[" + string.Join(", ", v.Select(Number)) + "]";
    private static string Matrix(double[][] m) => "[" + string.Join(", ", m.Select(Vector)) + "]";
}
