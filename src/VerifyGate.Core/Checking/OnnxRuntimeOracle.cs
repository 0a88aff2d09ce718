using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Checking;

/// <summary>ONNX Runtime as the witness oracle. InferenceSession.Run is thread-safe, so the engine's
/// parallel sub-problems may share one oracle.</summary>
public sealed class OnnxRuntimeOracle(OnnxRuntimeModel model) : IModelOracle
{
    public double[] Evaluate(double[] input) => model.Evaluate(input);
}
