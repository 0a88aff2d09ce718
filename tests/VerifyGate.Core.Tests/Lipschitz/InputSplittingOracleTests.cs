using System.Text.RegularExpressions;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>Input splitting against the brute-force oracle on small random networks: with splitting
/// forced (the first levels split without solving, or a root slice too short for the plain engine),
/// the merged bounds over the sub-boxes still contain the exact constant and close on it.</summary>
public class InputSplittingOracleTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Seeds(int count) => Enumerable.Range(0, count).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds), 6)]
    public void Forced_splitting_contains_and_closes_on_the_exact_constant(int seed)
    {
        var (network, lo, hi) = Case(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var splitter = new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { SplitWithoutSolvingBelowDepth = 2 });
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.Two) })
        {
            double exact = LipschitzOracle.Compute(regions, p, q).Value;
            var result = splitter.Solve(Query(network, lo, hi, p, q), new NetworkOracle(network));
            Report(seed, p, q, exact, result);
            AssertContainsAndCloses(exact, result, lo, hi);
            Assert.True(BoxesBounded(result) >= 4, "splitting was forced to depth 2: at least four boxes are bounded");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds), 4)]
    public void The_route_splits_few_inputs_and_closes_on_the_exact_constant(int seed)
    {
        var (network, lo, hi) = Case(seed + 100);
        double exact = LipschitzOracle.Compute(network, lo, hi, NormKind.Inf, NormKind.One).Value;
        var query = Query(network, lo, hi, NormKind.Inf, NormKind.One) with { TimeLimitSeconds = 60 };
        var route = new LipschitzRoute(ScipSolver.Instance);
        Assert.True(route.Splits(query), $"{lo.Length} free inputs are at most {LipschitzRoute.SplitInputLimit}: the search takes them");
        var result = route.Solve(query, new NetworkOracle(network));
        Report(seed + 100, NormKind.Inf, NormKind.One, exact, result);
        AssertContainsAndCloses(exact, result, lo, hi);
        Assert.True(BoxesBounded(result) >= 1, "the search ran");
    }

    /// <summary>Never worse than the plain engine: over more than <see cref="LipschitzRoute.SplitInputLimit"/> free inputs
    /// and more unstable ReLUs than two splits per ReLU make enumerable (enumeration off here: any unstable ReLU is too
    /// many), the query keeps the plain engine with its whole limit and gets its own answer; over few inputs it is split,
    /// and the search closes on the exact constant. A squared objective (q = 2 with two outputs) as the benchmark's
    /// regression was.</summary>
    [Theory]
    [InlineData(10, false)]
    [InlineData(3, true)]
    public void The_route_splits_only_few_inputs_or_nearly_enumerable_boxes(int inputs, bool splits)
    {
        var network = RandomNetworks.Create(301 + inputs, inputs, [6], 2);
        var (lo, hi) = RandomNetworks.CreateBox(301 + inputs, inputs);
        double exact = LipschitzOracle.Compute(network, lo, hi, NormKind.Inf, NormKind.Two).Value;
        var query = Query(network, lo, hi, NormKind.Inf, NormKind.Two) with { TimeLimitSeconds = 60 };
        var route = new LipschitzRoute(ScipSolver.Instance, new InputSplittingOptions { EnumerationWorkLimit = 0 });
        Assert.Equal(splits, route.Splits(query));
        var result = route.Solve(query, new NetworkOracle(network));
        Report(301 + inputs, NormKind.Inf, NormKind.Two, exact, result);
        AssertContainsAndCloses(exact, result, lo, hi);
        Assert.Equal(splits, result.Notes.Any(n => n.StartsWith("input splitting", StringComparison.Ordinal)));
    }

    /// <summary>The same ten-input network with enumeration on: its few unstable ReLUs are within two splits per ReLU of
    /// enumerable boxes, so the search takes it.</summary>
    [Fact]
    public void The_route_splits_many_inputs_when_the_box_is_nearly_enumerable()
    {
        var network = RandomNetworks.Create(311, 10, [6], 2);
        var (lo, hi) = RandomNetworks.CreateBox(311, 10);
        var query = Query(network, lo, hi, NormKind.Two, NormKind.Two) with { TimeLimitSeconds = 60 };
        var route = new LipschitzRoute(ScipSolver.Instance);
        Assert.True(route.Splits(query));
        double exact = LipschitzOracle.Compute(network, lo, hi, NormKind.Two, NormKind.Two).Value;
        var result = route.Solve(query, new NetworkOracle(network));
        Report(311, NormKind.Two, NormKind.Two, exact, result);
        AssertContainsAndCloses(exact, result, lo, hi);
    }

    /// <summary>Many inputs and more unstable ReLUs than the engine's MIP closes: l1 and l2 outputs get ReLU-phase branching
    /// after the engine's first quarter, l_inf outputs the engine; with enumeration off every one is bounded without
    /// enumerating, and the certified interval still contains the constant from brute force (which a 10-input network
    /// with over 40 unstable ReLUs is too large for: sampled pairs stand in for it).</summary>
    [Theory]
    [InlineData(NormKind.Two, LipschitzMethod.PhaseBranching)]
    [InlineData(NormKind.One, LipschitzMethod.PhaseBranching)]
    [InlineData(NormKind.Inf, LipschitzMethod.Engine)]
    public void The_route_branches_on_ReLU_phases_past_the_engines_reach_for_l1_and_l2_outputs(NormKind q, LipschitzMethod expected)
    {
        var network = RandomNetworks.Create(321, 10, [40, 40], 3);
        var lo = Enumerable.Repeat(-1.0, 10).ToArray();
        var hi = Enumerable.Repeat(1.0, 10).ToArray();
        var query = Query(network, lo, hi, NormKind.Inf, q) with { TimeLimitSeconds = 6 };
        var route = new LipschitzRoute(ScipSolver.Instance, new InputSplittingOptions { EnumerationWorkLimit = 0 });
        Assert.Equal(expected, route.Choose(query));
        var result = route.Solve(query, new NetworkOracle(network));
        output.WriteLine($"q={q.Label()}: [{result.Lower:G10}, {result.Upper:G10}], {result.UnstableNeurons} unstable");
        foreach (var note in result.Notes) output.WriteLine("note: " + note);
        Assert.True(result.UnstableNeurons > LipschitzRoute.PhaseBranchingAboveUnstable);
        Assert.Equal(expected == LipschitzMethod.PhaseBranching, result.Notes.Any(n => n.StartsWith(InputSplittingLipschitz.PhaseBranchingNote + ":", StringComparison.Ordinal)));
        double sampled = SampledRatios.Max(network, lo, hi, NormKind.Inf, q, seed: 321, around: [result.Witness!.X, result.Witness.Y]);
        Assert.True(sampled <= result.Upper!.Value * (1 + 1e-7) + 1e-9, $"sampled ratio {sampled:G12} exceeds certified upper {result.Upper:G12}");
        Assert.True(result.Lower <= result.Upper);
    }

    [Theory]
    [MemberData(nameof(Seeds), 4)]
    public void Forced_splitting_decides_thresholds_on_both_sides_of_the_exact_constant(int seed)
    {
        var (network, lo, hi) = Case(seed + 200);
        double exact = LipschitzOracle.Compute(network, lo, hi, NormKind.Inf, NormKind.Inf).Value;
        var splitter = new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { SplitWithoutSolvingBelowDepth = 2 });
        var oracle = new NetworkOracle(network);

        var holds = splitter.Solve(Query(network, lo, hi, NormKind.Inf, NormKind.Inf) with { Exact = false, AtMost = exact * 1.05 }, oracle);
        output.WriteLine($"seed {seed + 200}: exact {exact:G10}; at most 1.05x: [{holds.Lower:G10}, {holds.Upper:G10}]");
        Assert.True(holds.Upper <= exact * 1.05, $"upper {holds.Upper} does not decide L <= {exact * 1.05}");
        Assert.True(holds.Upper >= exact * (1 - 1e-9));
        Assert.False(holds.TimedOut);

        var fails = splitter.Solve(Query(network, lo, hi, NormKind.Inf, NormKind.Inf) with { Exact = false, AtMost = exact * 0.95 }, oracle);
        output.WriteLine($"seed {seed + 200}: at most 0.95x: [{fails.Lower:G10}, {fails.Upper:G10}]");
        Assert.True(fails.Lower > exact * 0.95, $"lower {fails.Lower} does not decide L > {exact * 0.95}");
        Assert.True(fails.Lower <= exact * (1 + 1e-9) + 1e-12);
        Assert.NotNull(fails.Witness);
    }

    private static (Network Network, double[] Lo, double[] Hi) Case(int seed)
    {
        int inputs = 2 + seed % 3;
        int[] hidden = (seed % 3) switch { 0 => [8], 1 => [6, 6], _ => [5, 5, 5] };
        var network = RandomNetworks.Create(seed, inputs, hidden, 1 + seed % 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs, fixedInputs: seed % 4 == 3 ? 1 : 0);
        return (network, lo, hi);
    }

    private static LipschitzQuery Query(Network network, double[] lo, double[] hi, NormKind p, NormKind q) =>
        new() { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true };

    private void Report(int seed, NormKind p, NormKind q, double exact, CertifiedBounds result)
    {
        output.WriteLine($"seed {seed} p={p.Label()} q={q.Label()}: exact {exact:G10}, certified [{result.Lower:G10}, {result.Upper:G10}]");
        foreach (var note in result.Notes) output.WriteLine("note: " + note);
    }

    internal static void AssertContainsAndCloses(double exact, CertifiedBounds result, double[] lo, double[] hi)
    {
        Assert.NotNull(result.Lower);
        Assert.NotNull(result.Upper);
        Assert.True(result.Lower <= exact * (1 + 1e-9) + 1e-12, $"lower {result.Lower} above exact {exact}");
        Assert.True(result.Upper >= exact * (1 - 1e-9) - 1e-12, $"upper {result.Upper} below exact {exact}");
        Assert.True(result.Upper - result.Lower <= 1e-6 * exact + 2e-8, $"gap [{result.Lower}, {result.Upper}] around {exact}");
        Assert.False(result.TimedOut);
        var w = result.Witness!;
        Assert.All(w.X.Concat(w.Y).Select((v, i) => (v, i % lo.Length)), t => Assert.InRange(t.v, lo[t.Item2], hi[t.Item2]));
    }

    /// <summary>Boxes bounded by any route (MIP, one region, pattern enumeration, intervals), from the splitter's note.</summary>
    internal static int BoxesBounded(CertifiedBounds result) =>
        result.Notes.Select(n => Regex.Match(n, @"^input splitting: (\d+) boxes solved by the MIP, (\d+) inside one linear region, (\d+) by their activation patterns, (\d+) bounded by intervals only"))
            .Where(m => m.Success).Select(m => Enumerable.Range(1, 4).Sum(g => int.Parse(m.Groups[g].Value))).Single();

    /// <summary>One count of the splitter's note, by its label ("boxes solved by the MIP", "inside one linear region", ...).</summary>
    internal static int Count(CertifiedBounds result, string label)
    {
        string note = result.Notes.Single(InputSplittingLipschitz.IsSearchNote);
        return int.Parse(Regex.Match(note, @"(\d+) " + Regex.Escape(label)).Groups[1].Value);
    }
}
