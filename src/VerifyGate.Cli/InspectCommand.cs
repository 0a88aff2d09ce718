using System.CommandLine;
using System.Diagnostics;
using VerifyGate.Core;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;

namespace VerifyGate.Cli;

/// <summary><c>verifygate inspect model.onnx [--lower a,b,... --upper a,b,...]</c>: the model's structure
/// and, over a box, how many neurons each bound method leaves unstable.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The ONNX model to inspect." };
        var lower = new Option<string?>("--lower") { Description = "Lower corner of the input box: comma-separated, or one value for every input." };
        var upper = new Option<string?>("--upper") { Description = "Upper corner of the input box." };
        var command = new Command("inspect", "Show a model's structure and, over an input box, its unstable neurons.") { model, lower, upper };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(lower), parse.GetValue(upper), Console.Out));
        return command;
    }

    public static int Run(string path, string? lower, string? upper, TextWriter output)
    {
        try
        {
            if ((lower is null) != (upper is null))
                throw new VerifyGateException(Diagnostic.ForFile(path, "VG0001", "give both --lower and --upper, or neither"));
            var clock = Stopwatch.StartNew();
            var imported = OnnxImporter.Load(path);
            var importTime = clock.Elapsed;
            PrintStructure(imported, importTime, output);
            if (lower is not null && upper is not null)
            {
                var (lo, hi) = BoxArguments.Parse(path, lower, upper, imported.Network.InputSize);
                PrintBounds(imported.Network, lo, hi, output);
            }
            return ExitCodes.AllPassed;
        }
        catch (VerifyGateException e)
        {
            Console.Error.WriteLine(e.Diagnostic);
            return ExitCodes.UsageOrError;
        }
    }

    private static void PrintStructure(ImportedModel model, TimeSpan importTime, TextWriter output)
    {
        var network = model.Network;
        output.WriteLine($"model:      {model.Path}");
        output.WriteLine($"input:      {model.InputName} [{string.Join("x", model.InputShape)}] ({network.InputSize} values)");
        output.WriteLine($"output:     {model.OutputName} [{string.Join("x", model.OutputShape)}] ({network.OutputSize} values)");
        output.WriteLine($"opset:      {model.Opset}");
        output.WriteLine($"operators:  {model.NodeSummary}");
        output.WriteLine($"parameters: {network.ParameterCount:N0} (non-zero weights and biases)");
        output.WriteLine($"neurons:    {network.NeuronCount:N0} in {network.Activations.Count()} activation layers");
        output.WriteLine($"imported in {Format(importTime)}");
        output.WriteLine();
        output.WriteLine($"{"#",3}  {"node",-28} {"kind",-10} {"size",6}  sources");
        foreach (var node in network.Nodes)
        {
            string kind = node switch
            {
                InputNode => "input",
                AffineNode a => a.Terms.Count > 1 ? "affine+" : "affine",
                ReluNode { NegativeSlope: > 0 } => "leakyrelu",
                _ => "relu",
            };
            string sources = string.Join(", ", node.Sources.Select(s => $"#{s}"));
            if (node.Index == network.OutputIndex) sources += "  (output)";
            output.WriteLine($"{node.Index,3}  {Truncate(node.Name, 28),-28} {kind,-10} {node.Size,6}  {sources}");
        }
    }

    private static void PrintBounds(Network network, double[] lower, double[] upper, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var interval = BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval);
        var intervalTime = clock.Elapsed;
        clock.Restart();
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var symbolicTime = clock.Elapsed;

        output.WriteLine();
        output.WriteLine("unstable neurons over the box:");
        output.WriteLine($"{"#",3}  {"activation",-28} {"neurons",8} {"interval",9} {"symbolic",9}");
        foreach (var relu in network.Activations)
            output.WriteLine($"{relu.Index,3}  {Truncate(relu.Name, 28),-28} {relu.Size,8} {interval.UnstableCount(relu.Index),9} {symbolic.UnstableCount(relu.Index),9}");
        output.WriteLine($"{"",3}  {"total",-28} {network.NeuronCount,8} {interval.TotalUnstable,9} {symbolic.TotalUnstable,9}");
        output.WriteLine($"{"",3}  {"time",-28} {"",8} {Format(intervalTime),9} {Format(symbolicTime),9}");
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Format(TimeSpan t) =>
        t.TotalMilliseconds < 1 ? $"{t.TotalMicroseconds:0} µs" : t.TotalSeconds < 1 ? $"{t.TotalMilliseconds:0.0} ms" : $"{t.TotalSeconds:0.00} s";
}
