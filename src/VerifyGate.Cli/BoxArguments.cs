using System.Globalization;
using VerifyGate.Core;

namespace VerifyGate.Cli;

/// <summary>Parses the comma-separated --lower/--upper vectors of the command line; one value
/// stands for every input.</summary>
public static class BoxArguments
{
    public static (double[] Lower, double[] Upper) Parse(string model, string lower, string upper, int inputSize)
    {
        var lo = ParseVector(model, "--lower", lower, inputSize);
        var hi = ParseVector(model, "--upper", upper, inputSize);
        for (int i = 0; i < inputSize; i++)
            if (lo[i] > hi[i])
                throw Usage(model, $"--lower[{i}] = {lo[i]} is above --upper[{i}] = {hi[i]}");
        return (lo, hi);
    }

    private static double[] ParseVector(string model, string option, string text, int inputSize)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw Usage(model, $"{option}: '{parts[i]}' is not a finite number");
        if (values.Length == 1) return Enumerable.Repeat(values[0], inputSize).ToArray();
        if (values.Length != inputSize)
            throw Usage(model, $"{option} has {values.Length} values but the model takes {inputSize} inputs");
        return values;
    }

    private static VerifyGateException Usage(string model, string message) =>
        new(Diagnostic.ForFile(model, "VG0001", message));
}
