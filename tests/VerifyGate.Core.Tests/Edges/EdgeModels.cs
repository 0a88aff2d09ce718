using VerifyGate.Core.Tests.Onnx;

namespace VerifyGate.Core.Tests.Edges;

/// <summary>Small ONNX models whose answers at the edges are known by construction.</summary>
internal static class EdgeModels
{
    /// <summary>F(x) = x + W2·relu(W1·x + b1) on R^3 with ‖W2‖·‖W1‖ ≤ 0.375 in the l_inf operator norm, so
    /// ‖F(x) − F(y)‖_inf ≥ 0.625·‖x − y‖_inf: one-to-one everywhere (D = 0 on every box).</summary>
    public static string ResidualMap(string directory) =>
        new OnnxModelBuilder()
            .Input("x", 1, 3).Output("y", 1, 3)
            .Initializer("W1", [8, 3], Values(1, 24, 0.25))
            .Initializer("b1", [8], Values(2, 8, 0.25))
            .Initializer("W2", [3, 8], Values(3, 24, 1.0 / 16))
            .Node("Gemm", ["x", "W1", "b1"], ["z"], "hidden", OnnxModelBuilder.Int("transB", 1))
            .Node("Relu", "z", "h")
            .Node("Gemm", ["h", "W2"], ["n"], "residual", OnnxModelBuilder.Int("transB", 1))
            .Node("Add", ["x", "n"], ["y"], "sum")
            .Save(directory, "residual.onnx");

    /// <summary>−x + W2 relu(W1 x + b1), the residual map above reflected: still one-to-one (its negation is the identity
    /// minus a contraction), but f − id = −2x + … is no contraction, so the two-copy MIP decides it.</summary>
    public static string ReflectedResidualMap(string directory) =>
        new OnnxModelBuilder()
            .Input("x", 1, 3).Output("y", 1, 3)
            .Initializer("W1", [8, 3], Values(1, 24, 0.25))
            .Initializer("b1", [8], Values(2, 8, 0.25))
            .Initializer("W2", [3, 8], Values(3, 24, 1.0 / 16))
            .Initializer("minusOne", [1], [-1f])
            .Node("Gemm", ["x", "W1", "b1"], ["z"], "hidden", OnnxModelBuilder.Int("transB", 1))
            .Node("Relu", "z", "h")
            .Node("Gemm", ["h", "W2"], ["n"], "residual", OnnxModelBuilder.Int("transB", 1))
            .Node("Mul", ["x", "minusOne"], ["mx"], "reflect")
            .Node("Add", ["mx", "n"], ["y"], "sum")
            .Save(directory, "reflected-residual.onnx");

    /// <summary>relu(W·x − 10) with |W| ≤ 1 on inputs in [−1, 1]^2: every ReLU is dead, f ≡ 0 and L = 0.</summary>
    public static string DeadNetwork(string directory) =>
        new OnnxModelBuilder()
            .Input("x", 1, 2).Output("y", 1, 2)
            .Initializer("W1", [4, 2], Values(4, 8, 1))
            .Initializer("b1", [4], Enumerable.Repeat(-10f, 4))
            .Initializer("W2", [2, 4], Values(5, 8, 1))
            .Node("Gemm", ["x", "W1", "b1"], ["z"], "hidden", OnnxModelBuilder.Int("transB", 1))
            .Node("Relu", "z", "h")
            .Node("Gemm", ["h", "W2"], ["y"], "out", OnnxModelBuilder.Int("transB", 1))
            .Save(directory, "dead.onnx");

    /// <summary>f(x) = 1e-5·W2·relu(W1·x + b1) on R^2 -> R^2: a Lipschitz constant of order 1e-5, whose
    /// square (1e-10) is below SCIP's precision.</summary>
    public static string TinyGainNetwork(string directory) =>
        new OnnxModelBuilder()
            .Input("x", 1, 2).Output("y", 1, 2)
            .Initializer("W1", [6, 2], Values(6, 12, 1))
            .Initializer("b1", [6], Values(7, 6, 0.5))
            .Initializer("W2", [2, 6], Values(8, 12, 1e-5))
            .Node("Gemm", ["x", "W1", "b1"], ["z"], "hidden", OnnxModelBuilder.Int("transB", 1))
            .Node("Relu", "z", "h")
            .Node("Gemm", ["h", "W2"], ["y"], "out", OnnxModelBuilder.Int("transB", 1))
            .Save(directory, "tiny-gain.onnx");

    private static IEnumerable<float> Values(int seed, int count, double magnitude)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((rng.NextDouble() * 2 - 1) * magnitude)).ToArray();
    }
}
