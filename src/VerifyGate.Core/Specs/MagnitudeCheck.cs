using System.Globalization;
using VerifyGate.Core.Numerics;

namespace VerifyGate.Core.Specs;

/// <summary>VG1030: a domain end, centre, radius, maxRadius or outputTolerance beyond
/// <see cref="MagnitudeLimits.SpecValue"/>, reported at the value's token.</summary>
internal static class MagnitudeCheck
{
    /// <summary>Checks a scalar (at <paramref name="field"/>) or every element (at "field[i]").</summary>
    public static void Report(DiagnosticBag bag, FieldPositions positions, string field, BoundSpec bound)
    {
        if (bound.Scalar is double scalar) Report(bag, positions.Of(field), field, scalar);
        else Report(bag, positions, field, bound.Values!);
    }

    public static void Report(DiagnosticBag bag, FieldPositions positions, string field, IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
            Report(bag, positions.Of($"{field}[{i}]"), $"{field}[{i}]", values[i]);
    }

    public static void Report(DiagnosticBag bag, SourcePosition at, string field, double value)
    {
        if (Math.Abs(value) <= MagnitudeLimits.SpecValue) return;
        bag.Error(at, SpecErrorCodes.MagnitudeTooLarge,
            $"'{field}' is {value.ToString("G6", CultureInfo.InvariantCulture)}: values beyond ±{MagnitudeLimits.SpecValue.ToString("G3", CultureInfo.InvariantCulture)} " +
            "are too large for the solver to certify reliably; rescale the model's inputs (for example fold a normalisation into the model)");
    }
}
