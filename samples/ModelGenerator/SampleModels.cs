namespace VerifyGate.Samples;

/// <summary>The sample repository's models: what each is trained on, with fixed seeds.</summary>
public static class SampleModels
{
    public sealed record Model(string FileName, byte[] Bytes, string Summary);

    public static IReadOnlyList<Model> Build()
    {
        var (vdpIn, vdpOut) = Datasets.VanDerPolStep(2000, new Random(11));
        var vanDerPol = Mlp.Create([2, 10, 10, 2], new Random(12));
        double vdpError = vanDerPol.Train(vdpIn, vdpOut, epochs: 120, batchSize: 16, learningRate: 0.02, new Random(13));

        var (ctlIn, ctlOut) = Datasets.Controller(2000, new Random(21));
        var controller = Mlp.Create([4, 16, 3], new Random(22));
        double ctlError = controller.Train(ctlIn, ctlOut, epochs: 120, batchSize: 16, learningRate: 0.02, new Random(23));

        var pruned = controller.Pruned(0.1);
        double prunedError = pruned.MeanSquaredError(ctlIn, ctlOut);

        var (barsIn, barsOut) = Datasets.Bars(3000, new Random(31));
        var bars = Mlp.Create([36, 16, 16, 3], new Random(32));
        double barsError = bars.Train(barsIn, barsOut, epochs: 60, batchSize: 16, learningRate: 0.02, new Random(33));
        var (barsTestIn, barsTestOut) = Datasets.Bars(600, new Random(34));
        double barsAccuracy = bars.Accuracy(barsTestIn, barsTestOut);

        return
        [
            new("vanderpol-step.onnx", OnnxExport.ToBytes(vanDerPol, "vanderpol_step"),
                $"Van der Pol one-step map 2-10-10-2, mean squared error {vdpError:E2}"),
            new("controller.onnx", OnnxExport.ToBytes(controller, "controller"),
                $"cart-pole controller 4-16-3, mean squared error {ctlError:E2}"),
            new("controller-pruned.onnx", OnnxExport.ToBytes(pruned, "controller_pruned"),
                $"controller with |w| < 0.1 zeroed ({pruned.CountZeroWeights()} of 112 weights), mean squared error {prunedError:E2}"),
            new("bars-classifier.onnx", OnnxExport.ToBytes(bars, "bars_classifier"),
                $"6x6 bar images classifier 36-16-16-3, mean squared error {barsError:E2}, accuracy on 600 new images {barsAccuracy:P1}"),
        ];
    }

    /// <summary>Writes the models into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, TextWriter? log = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var model in Build())
        {
            string path = Path.Combine(directory, model.FileName);
            File.WriteAllBytes(path, model.Bytes);
            log?.WriteLine($"{path}: {model.Summary}");
            paths.Add(path);
        }
        return paths;
    }
}
