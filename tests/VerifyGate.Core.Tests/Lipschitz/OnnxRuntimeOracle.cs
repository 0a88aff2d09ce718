using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>ONNX Runtime on the model file as the engine's witness oracle (sub-problems run in parallel,
/// so calls are serialised).</summary>
internal sealed class OnnxRuntimeOracle(string path) : IModelOracle, IDisposable
{
    private readonly OnnxRuntimeModel _model = new(path);

    public double[] Evaluate(double[] input)
    {
        lock (_model) return _model.Evaluate(input);
    }

    public void Dispose() => _model.Dispose();
}
