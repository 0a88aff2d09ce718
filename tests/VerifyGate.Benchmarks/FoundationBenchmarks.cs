using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Onnx;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Foundation": import and bound times on four shared models, and ACAS Xu 1_1's unstable
/// neurons on the property-2 box under interval vs symbolic bounds.</summary>
public sealed class FoundationBenchmarks : IBenchmarkSection
{
    public string Name => "foundation";
    public string Title => "Import and pre-activation bounds";

    private static readonly (string Label, string File, Func<int, (double[] Lo, double[] Hi)> Box)[] Models =
    [
        ("ACAS Xu 1_1 (property 2 box)", "acasxu/ACASXU_run2a_1_1_batch_2000.onnx", _ => Boxes.AcasProperty2),
        ("mnist-net_256x2 (eps 0.03 around 0.5)", "mnistfc/mnist-net_256x2.onnx", n => Boxes.Around(n, 0.5, 0.03)),
        ("mnist_relu_9_200 (eps 0.01 around 0.5)", "normalized/mnist_relu_9_200.onnx", n => Boxes.Around(n, 0.5, 0.01)),
        ("cifar_base_kw (eps 2/255 around 0.5)", "conv/cifar_base_kw.onnx", n => Boxes.Around(n, 0.5, 2.0 / 255)),
    ];

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| model | inputs | neurons | import | interval bounds | symbolic bounds | unstable (interval) | unstable (symbolic) |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, file, box) in Models)
        {
            var path = Paths.Model(file);
            var (importSeconds, imported) = Timing.Median(() => OnnxImporter.Load(path));
            var network = imported.Network;
            var (lo, hi) = box(network.InputSize);
            var (intervalSeconds, interval) = Timing.Median(() => BoundPropagation.Compute(network, lo, hi, BoundMethod.Interval));
            var (symbolicSeconds, symbolic) = Timing.Median(() => BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic), repeats: 3);
            string row = $"| {label} | {network.InputSize} | {network.NeuronCount} | {Timing.Format(importSeconds)} | {Timing.Format(intervalSeconds)} | {Timing.Format(symbolicSeconds)} | {interval.TotalUnstable} | {symbolic.TotalUnstable} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        sb.AppendLine();
        sb.AppendLine("Symbolic bounds are CROWN-style back-substitution intersected with interval bounds; the ratio of unstable");
        sb.AppendLine("neurons (symbolic / interval) is what the MIP encodings pay for in binaries.");
        return sb.ToString();
    }
}

public static class Boxes
{
    /// <summary>ACAS Xu properties 1 and 2 (normalised inputs).</summary>
    public static (double[] Lo, double[] Hi) AcasProperty2 =>
        ([0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45]);

    public static (double[] Lo, double[] Hi) Around(int size, double center, double radius) =>
        (Enumerable.Repeat(center - radius, size).ToArray(), Enumerable.Repeat(center + radius, size).ToArray());
}
