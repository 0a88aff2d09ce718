using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 11, "Verdicts users can trust at the edges": for which magnitudes of the domain and of the
/// big-M constants does SCIP (feastol 1e-9, infinity 1e20) still give reliable certified answers? Networks
/// with answers known by hand, domains [−S, S]², and first-layer weights scaled by w with the next layer
/// scaled by 1/w (the function, hence the answer, is unchanged; the big-M constants grow with w·S).</summary>
public sealed class NumericsBenchmarks : IBenchmarkSection
{
    public string Name => "numerics";
    public string Title => "Numerics: domain and big-M magnitudes";

    private const double TimeLimit = 20;
    private static readonly double[] Scales = [1, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e12, 1e15];

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Known answers: L_inf,inf = 7 for f(x) = relu(x1) − 2 relu(x2) + 3 relu(x1 + x2 − 0.5) on any box holding [−1, 2]²;");
        sb.AppendLine("D_inf = 2S for the fold f(x) = (|x1|, x2) on [−S, S]²; D = 0 for the identity written as relu(x) − relu(−x).");
        sb.AppendLine($"\"sound\": the certified interval holds the answer; \"tight\": its upper end is within 1e-4 of it; \"threshold\": a");
        sb.AppendLine($"threshold-mode check at atMost = 99.9 % of the answer must not pass. The engines run here without the magnitude guard;");
        sb.AppendLine($"\"VerifyGate\" says what a property file with this case gets now (VG1030: domain beyond ±1e6, VG3020: big-M beyond 1e7).");
        sb.AppendLine($"\"error\": SCIP reported an error on every retry, so the engine refused to use the solve. Limit {TimeLimit:0} s per solve.");
        sb.AppendLine();
        sb.AppendLine("| case | S (domain) | w (weights) | largest big-M | certified | verdict | threshold | VerifyGate | time |");
        sb.AppendLine("| --- | ---: | ---: | ---: | --- | --- | --- | --- | ---: |");
        foreach (double s in Scales) Row(sb, progress, "lipschitz", s, 1);
        foreach (double w in Scales.Skip(1)) Row(sb, progress, "lipschitz", 2, w);
        foreach (double s in Scales) Row(sb, progress, "fold", s, 1);
        foreach (double w in Scales.Skip(1)) Row(sb, progress, "fold", 1, w);
        foreach (double s in Scales) Row(sb, progress, "identity", s, 1);
        sb.AppendLine();
        sb.AppendLine("Domains alone stayed right up to ±1e15 here. Big-M constants went silently wrong from 1e9 (the fold: D = 2 certified as at most 1e-9, a threshold check passed, SCIP reported nothing); Lipschitz answers went loose from 4.5e9 and wrong at 4.5e15 (and wrong from 4.5e9 before SCIP's epsilon was set below the feasibility tolerance). Limits chosen (docs/diagnostics.md, \"Numerics\"): ±1e6 on property values (VG1030) and 1e7 on pre-activation bounds (VG3020), a factor 100 below the first failure for larger networks; 1e8 on tangent bounds (VG3021), which interval propagation overestimates (ACAS Xu reaches 1.4e7).");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, TextWriter progress, string kind, double s, double w)
    {
        var network = kind switch
        {
            "lipschitz" => Scaled(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }, [0, 0, -0.5], new double[,] { { 1, -2, 3 } }, w),
            "fold" => Scaled(new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }, new double[4], new double[,] { { 1, 1, 0, 0 }, { 0, 0, 1, -1 } }, w),
            _ => Scaled(new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }, new double[4], new double[,] { { 1, -1, 0, 0 }, { 0, 0, 1, -1 } }, w),
        };
        double exact = kind switch { "lipschitz" => 7, "fold" => 2 * s, _ => 0 };
        double[] lo = [-s, -s], hi = [s, s];
        double bigM = Core.Numerics.LargestBound.Of(Core.Bounds.BoundPropagation.Compute(network, lo, hi, Core.Bounds.BoundMethod.Interval)).Magnitude;
        var clock = Stopwatch.StartNew();
        string certified, verdict, threshold;
        try
        {
            var (lower, upper) = Solve(kind, network, lo, hi, exact: true, atMost: null);
            certified = $"[{lower:G9}, {upper:G9}]";
            bool sound = upper >= exact * (1 - 1e-9) - 1e-12 && (lower ?? 0) <= exact * (1 + 1e-9) + 1e-12;
            bool tight = upper <= exact * (1 + 1e-4) + 1e-4 * s;
            verdict = !sound ? "**UNSOUND**" : tight ? "sound, tight" : "sound, loose";
        }
        catch (Exception e) when (e is SolverFailureException or AggregateException)
        {
            certified = "—";
            verdict = "error: " + Short(e);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        if (exact > 0)
        {
            try
            {
                var (_, upper) = Solve(kind, network, lo, hi, exact: false, atMost: 0.999 * exact);
                threshold = upper <= 0.999 * exact ? $"**passed** (upper {upper:G6})" : "not passed";
            }
            catch (Exception e) when (e is SolverFailureException or AggregateException)
            {
                threshold = "error: " + Short(e);
            }
        }
        else threshold = "n/a";
        string guard = s > MagnitudeLimits.SpecValue ? "VG1030" : bigM > MagnitudeLimits.BigM ? "VG3020" : "checked";
        string row = $"| {kind} | {s:G3} | {w:G3} | {bigM:G3} | {certified} | {verdict} | {threshold} | {guard} | {Timing.Format(seconds)} |";
        progress.WriteLine(row);
        sb.AppendLine(row);
    }

    private static (double? Lower, double Upper) Solve(string kind, Network network, double[] lo, double[] hi, bool exact, double? atMost)
    {
        if (kind == "lipschitz")
        {
            var r = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery
            {
                Network = network, Lower = lo, Upper = hi, Exact = exact, AtMost = atMost, TimeLimitSeconds = TimeLimit,
                BigMLimit = double.PositiveInfinity, TangentLimit = double.PositiveInfinity,
            });
            return (r.Lower, r.Upper ?? double.PositiveInfinity);
        }
        var t = new TwoCopyEngine(ScipSolver.Instance).Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = lo, Upper = hi, Exact = exact, Threshold = atMost, TimeLimitSeconds = TimeLimit,
            BigMLimit = double.PositiveInfinity,
        });
        return (t.Lower, t.Upper ?? double.PositiveInfinity);
    }

    /// <summary>x ↦ B relu(w·(A x + a)) / w: the same function for every w &gt; 0.</summary>
    private static Network Scaled(double[,] a, double[] bias, double[,] b, double w)
    {
        var first = (double[,])a.Clone();
        for (int r = 0; r < first.GetLength(0); r++) for (int c = 0; c < first.GetLength(1); c++) first[r, c] *= w;
        var second = (double[,])b.Clone();
        for (int r = 0; r < second.GetLength(0); r++) for (int c = 0; c < second.GetLength(1); c++) second[r, c] /= w;
        var builder = new NetworkBuilder(2);
        var h = builder.Relu(builder.Dense(builder.Input, first, bias.Select(v => v * w).ToArray()));
        builder.Dense(h, second, new double[second.GetLength(0)]);
        return builder.Build();
    }

    private static string Short(Exception e)
    {
        var inner = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
        string text = inner.Message.ReplaceLineEndings(" ");
        return text.Length > 90 ? text[..90] + "…" : text;
    }
}
