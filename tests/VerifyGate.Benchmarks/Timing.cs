using System.Diagnostics;

namespace VerifyGate.Benchmarks;

public static class Timing
{
    /// <summary>A number from an environment variable (a limit override for quick trial runs), else <paramref name="fallback"/>.</summary>
    public static double FromEnvironment(string variable, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : fallback;

    /// <summary>Median wall-clock seconds over <paramref name="repeats"/> runs after one warm-up run.</summary>
    public static (double Seconds, T Result) Median<T>(Func<T> action, int repeats = 5)
    {
        T result = action();
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            result = action();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return (times[times.Count / 2], result);
    }

    public static string Format(double seconds) =>
        seconds < 1e-3 ? $"{seconds * 1e6:0} µs" : seconds < 1 ? $"{seconds * 1e3:0.0} ms" : $"{seconds:0.00} s";
}
