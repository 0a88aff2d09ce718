namespace VerifyGate.Core.Witnesses;

/// <summary>An independent evaluator of the model (ONNX Runtime in production) that every witness
/// must satisfy before its value is reported as a certified lower bound.</summary>
public interface IModelOracle
{
    /// <summary>The model's flattened output at a flattened input.</summary>
    double[] Evaluate(double[] input);
}
