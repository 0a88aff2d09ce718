using System.Globalization;

namespace VerifyGate.Core.Checking;

/// <summary>Number and vector formatting shared by result messages and hosts (invariant culture).</summary>
public static class ResultText
{
    public static string Number(double? value) => value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "?";

    public static string Seconds(double seconds) =>
        seconds < 10 ? $"{seconds.ToString("0.00", CultureInfo.InvariantCulture)} s" : $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    /// <summary>e.g. <c>9 properties: 8 passed, 1 failed, 0 inconclusive, 0 errors (3 cached)</c>.</summary>
    public static string Tally(IReadOnlyList<CheckResult> results)
    {
        int Count(Outcome o) => results.Count(r => r.Outcome == o);
        int cached = results.Count(r => r.Cached);
        int errors = Count(Outcome.Error);
        string properties = results.Count == 1 ? "1 property" : $"{results.Count} properties";
        return $"{properties}: {Count(Outcome.Passed)} passed, {Count(Outcome.Failed)} failed, {Count(Outcome.Inconclusive)} inconclusive, " +
               $"{errors} error{(errors == 1 ? "" : "s")}{(cached > 0 ? $" ({cached} cached)" : "")}";
    }

    public static string Bounds(double? lower, double? upper) => $"[{Number(lower)}, {Number(upper)}]";

    /// <summary>A vector in brackets; long ones are cut after <paramref name="shown"/> values.</summary>
    public static string Vector(IReadOnlyList<double> values, int shown = 8)
    {
        var parts = values.Take(shown).Select(v => v.ToString("G6", CultureInfo.InvariantCulture));
        string more = values.Count > shown ? $", ... ({values.Count} values)" : "";
        return $"[{string.Join(", ", parts)}{more}]";
    }
}
