using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>A trial network as the engine sees it: the IR with a float64 oracle, or (via ONNX) the model
/// written to a file, imported as the checker imports it, with ONNX Runtime confirming witnesses.</summary>
public sealed class TrialModel : IDisposable
{
    private readonly string? _path;
    private readonly OnnxRuntimeOracle? _runtime;

    public TrialModel(TrialNetwork description, bool viaOnnx)
    {
        if (!viaOnnx)
        {
            Network = description.Build();
            Oracle = new NetworkOracle(Network);
            return;
        }
        _path = Path.Combine(Path.GetTempPath(), $"verifygate-trial-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(_path, description.ToOnnx());
        Network = OnnxImporter.Load(_path).Network;
        Oracle = _runtime = new OnnxRuntimeOracle(_path);
    }

    public Network Network { get; }
    public IModelOracle Oracle { get; }

    public void Dispose()
    {
        _runtime?.Dispose();
        if (_path is not null) File.Delete(_path);
    }
}
