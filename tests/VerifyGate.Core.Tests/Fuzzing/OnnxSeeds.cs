using VerifyGate.Core.Tests.Trials;

namespace VerifyGate.Core.Tests.Fuzzing;

public sealed record OnnxSeed(string Name, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>Small ONNX models to mutate: the samples', two control networks of the shared models, and a
/// builder-made network with LeakyRelu and a residual Add.</summary>
public static class OnnxSeeds
{
    public static IReadOnlyList<OnnxSeed> All { get; } =
    [
        .. Directory.GetFiles(SpecSeeds.SampleModels, "*.onnx").Order(StringComparer.Ordinal).Select(FromFile),
        FromFile(TestPaths.Model("control/cartpole.onnx")),
        FromFile(TestPaths.Model("control/lunarlander.onnx")),
        new OnnxSeed("built-residual.onnx", Residual().ToOnnx()),
    ];

    public static IReadOnlyList<byte[]> Bytes { get; } = All.Select(s => s.Bytes).ToArray();

    private static OnnxSeed FromFile(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    private static TrialNetwork Residual() => new(2,
        [
            new TrialLayer([[0.5, -0.25], [0.75, 1], [-1, 0.125]], [0.1, -0.2, 0.3], 0.125, false),
            new TrialLayer([[0.5, -0.5, 0.25], [1, 0, -0.75], [0.25, 0.5, 1]], [0, 0.5, -0.5], 0, true),
        ],
        [[1, -1, 0.5], [0.25, 0.5, -0.5]], [0.1, 0.2], InputResidual: true);
}
