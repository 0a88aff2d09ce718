using System.Globalization;

namespace VerifyGate.Core.Checking;

/// <summary>Number and vector formatting shared by result messages and hosts (invariant culture).</summary>
public static class ResultText
{
    public static string Number(double? value) => value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "?";

    public static string Seconds(double seconds) =>
        seconds < 10 ? $"{seconds.ToString("0.00", CultureInfo.InvariantCulture)} s" : $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    public static string Bounds(double? lower, double? upper) => $"[{Number(lower)}, {Number(upper)}]";

    /// <summary>A vector in brackets; long ones are cut after <paramref name="shown"/> values.</summary>
    public static string Vector(IReadOnlyList<double> values, int shown = 8)
    {
        var parts = values.Take(shown).Select(v => v.ToString("G6", CultureInfo.InvariantCulture));
        string more = values.Count > shown ? $", ... ({values.Count} values)" : "";
        return $"[{string.Join(", ", parts)}{more}]";
    }
}
