using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace VerifyGate.Core.Witnesses;

/// <summary>An ONNX model run by ONNX Runtime, independently of the importer: used to re-check witnesses
/// and to cross-check imports. Inputs and outputs are flat float64 vectors in row-major order; the
/// input is converted to the model's element type (float32 for almost every model).</summary>
public sealed class OnnxRuntimeModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly TensorElementType _inputType;
    private readonly bool _symbolicBatch;

    public OnnxRuntimeModel(string path) : this(path, options => new InferenceSession(path, options)) { }

    public OnnxRuntimeModel(string displayPath, byte[] bytes) : this(displayPath, options => new InferenceSession(bytes, options)) { }

    private OnnxRuntimeModel(string displayPath, Func<SessionOptions, InferenceSession> open)
    {
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            _session = open(options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new VerifyGateException(Diagnostic.ForFile(displayPath, "VG2002", $"ONNX Runtime cannot load the model: {e.Message}"));
        }
        // Initializers that old exporters also list as inputs are overridable, not data inputs.
        var data = _session.InputMetadata.Keys.Except(_session.OverridableInitializerMetadata.Keys).ToList();
        if (data.Count != 1 || _session.OutputMetadata.Count != 1)
        {
            _session.Dispose();
            throw new VerifyGateException(Diagnostic.ForFile(displayPath, "VG2004",
                $"ONNX Runtime sees {data.Count} data inputs and {_session.OutputMetadata.Count} outputs; exactly one of each is supported"));
        }
        InputName = data[0];
        OutputName = _session.OutputMetadata.Keys.Single();
        var meta = _session.InputMetadata[InputName];
        _inputType = meta.ElementDataType;
        _symbolicBatch = meta.Dimensions.Length > 0 && meta.Dimensions[0] <= 0;
        InputShape = meta.Dimensions.Select(d => d <= 0 ? 1 : d).ToArray();
        InputSize = InputShape.Aggregate(1, (p, d) => p * d);
    }

    public string InputName { get; }
    public string OutputName { get; }
    /// <summary>The input shape with a symbolic batch dimension resolved to 1.</summary>
    public int[] InputShape { get; }
    public int InputSize { get; }

    public double[] Evaluate(ReadOnlySpan<double> flatInput)
    {
        if (flatInput.Length != InputSize)
            throw new ArgumentException($"the model takes {InputSize} inputs, got {flatInput.Length}");
        return Run(flatInput, 1)[0];
    }

    /// <summary>Evaluates several inputs, in one run when the model's batch dimension is symbolic.</summary>
    public double[][] EvaluateBatch(IReadOnlyList<double[]> inputs)
    {
        if (!_symbolicBatch || inputs.Count == 0) return inputs.Select(x => Evaluate(x)).ToArray();
        var flat = new double[inputs.Count * InputSize];
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Length != InputSize)
                throw new ArgumentException($"the model takes {InputSize} inputs, got {inputs[i].Length} in input {i}");
            inputs[i].CopyTo(flat, i * InputSize);
        }
        return Run(flat, inputs.Count);
    }

    private double[][] Run(ReadOnlySpan<double> flat, int batch)
    {
        var shape = InputShape.Select(d => (long)d).ToArray();
        shape[0] *= batch;
        using var input = _inputType switch
        {
            TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(flat.ToArray(), shape),
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(ToFloats(flat), shape),
            _ => throw new NotSupportedException($"input element type {_inputType} is not supported"),
        };
        using var options = new RunOptions();
        using var outputs = _session.Run(options, [InputName], [input], [OutputName]);
        var output = outputs[0];
        double[] values = output.GetTensorTypeAndShape().ElementDataType switch
        {
            TensorElementType.Float => output.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v).ToArray(),
            TensorElementType.Double => output.GetTensorDataAsSpan<double>().ToArray(),
            var t => throw new NotSupportedException($"output element type {t} is not supported"),
        };
        int each = values.Length / batch;
        return Enumerable.Range(0, batch).Select(b => values.AsSpan(b * each, each).ToArray()).ToArray();
    }

    private static float[] ToFloats(ReadOnlySpan<double> values)
    {
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = (float)values[i];
        return floats;
    }

    public void Dispose() => _session.Dispose();
}
