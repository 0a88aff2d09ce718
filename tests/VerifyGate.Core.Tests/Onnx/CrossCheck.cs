using VerifyGate.Core.Onnx;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Tests.Onnx;

/// <summary>Compares an imported network with ONNX Runtime on seeded random inputs.</summary>
public static class CrossCheck
{
    public const double Tolerance = 1e-4;

    /// <summary>The largest difference |net - ort| / max(1, |ort|) over <paramref name="samples"/> inputs
    /// drawn uniformly from [low, high].</summary>
    public static double MaxRelativeError(ImportedModel model, OnnxRuntimeModel runtime, int samples, double low, double high, int seed = 7)
    {
        Assert.Equal(runtime.InputSize, model.Network.InputSize);
        var rng = new Random(seed);
        double worst = 0;
        for (int s = 0; s < samples; s++)
        {
            // Round the sample to float32 so both sides see the same input.
            var x = Enumerable.Range(0, model.Network.InputSize).Select(_ => (double)(float)(low + (high - low) * rng.NextDouble())).ToArray();
            var expected = runtime.Evaluate(x);
            var actual = model.Network.Evaluate(x);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
                worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i])));
        }
        return worst;
    }

    /// <summary>Imports model bytes and checks them against ONNX Runtime; returns the import.</summary>
    public static ImportedModel Agrees(byte[] bytes, int samples = 50, double low = -1, double high = 1)
    {
        var model = OnnxImporter.Load("synthetic.onnx", bytes);
        using var runtime = new OnnxRuntimeModel("synthetic.onnx", bytes);
        double error = MaxRelativeError(model, runtime, samples, low, high);
        Assert.True(error < Tolerance, $"network and ONNX Runtime differ by {error:E3}");
        return model;
    }
}
