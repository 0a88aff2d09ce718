using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>The plain engine in two configurations, side by side on the same boxes with the same limit (the "encodings" and
/// "nodeorder" sections). VERIFYGATE_SCALE_ONLY picks cases by their name.</summary>
internal static class EngineComparison
{
    internal sealed record Case(string Label, string File, double[] Lower, double[] Upper, NormKind P, NormKind Q)
    {
        public string Name => $"{Label} ({P.Label()}, {Q.Label()})";
        public string Norms => $"({P.Label()}, {Q.Label()})";
    }

    /// <param name="row">the table row of a case from its exact query and the two results.</param>
    public static string Rows(IEnumerable<Case> cases, double limitSeconds, Func<LipschitzQuery, LipschitzQuery> first,
        Func<LipschitzQuery, LipschitzQuery> second, Func<Case, LipschitzQuery, CertifiedBounds, CertifiedBounds, string> row, TextWriter progress)
    {
        string? only = Environment.GetEnvironmentVariable("VERIFYGATE_SCALE_ONLY");
        var table = new StringBuilder();
        foreach (var c in cases)
        {
            if (only is not null && !c.Name.Contains(only, StringComparison.Ordinal)) continue;
            var path = Paths.Model(c.File);
            using var oracle = new OnnxRuntimeOracle(path);
            var query = new LipschitzQuery
            {
                Network = OnnxImporter.Load(path).Network, Lower = c.Lower, Upper = c.Upper, InputNorm = c.P, OutputNorm = c.Q,
                Exact = true, TimeLimitSeconds = limitSeconds,
            };
            var engine = new LipschitzEngine(ScipSolver.Instance);
            var a = engine.Solve(first(query), oracle);
            var b = engine.Solve(second(query), oracle);
            progress.WriteLine($"  {c.Name}: {LipschitzBenchmarks.TimedInterval(a)}, {LipschitzBenchmarks.TimedInterval(b)}");
            table.AppendLine(row(c, query, a, b));
        }
        return table.ToString();
    }

    /// <summary>Which configuration closed the gap (and the second's time over the first's when both did), else the first's
    /// interval width over the second's: a ratio of widths against a closed interval would only measure the relative gap.</summary>
    public static string Verdict(CertifiedBounds first, CertifiedBounds second, string firstName, string secondName)
    {
        bool firstExact = !first.TimedOut, secondExact = !second.TimedOut;
        if (firstExact && secondExact)
            return FormattableString.Invariant($"both exact; {secondName} time / {firstName} {second.Elapsed.TotalSeconds / first.Elapsed.TotalSeconds:F2}");
        if (firstExact || secondExact) return $"only {(firstExact ? firstName : secondName)} exact";
        double w1 = (first.Upper ?? double.PositiveInfinity) - (first.Lower ?? 0), w2 = (second.Upper ?? double.PositiveInfinity) - (second.Lower ?? 0);
        return w2 > 0 && double.IsFinite(w1) ? FormattableString.Invariant($"{w1 / w2:F2}") : "—";
    }

    public static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();
}
