using VerifyGate.Core.Witnesses;

namespace VerifyGate.Benchmarks;

/// <summary>ONNX Runtime as the witness oracle of the Lipschitz engine.</summary>
public sealed class OnnxRuntimeOracle(string path) : IModelOracle, IDisposable
{
    private readonly OnnxRuntimeModel _model = new(path);

    public double[] Evaluate(double[] input)
    {
        lock (_model) return _model.Evaluate(input);
    }

    public void Dispose() => _model.Dispose();
}
