using VerifyGate.Core.Checking;
using VerifyGate.Core.Search;

namespace VerifyGate.Core.Tests.Search;

/// <summary>The generic search on a problem whose answer is known: the maximum of f(x) = 1 − (x − c)² over [0, 1]
/// is 1. A node [a, b] is bounded by f(mid) + 2·(b − a)/2 (|f'| ≤ 2) with f(mid) as its witness.</summary>
public class BranchAndBoundTests
{
    private sealed record Interval(double A, double B);

    private sealed class ParabolaDomain(double center, Func<Interval, bool>? fail = null, int delayMilliseconds = 0) : ISearchDomain<Interval>
    {
        private int _bounded;
        public int Bounded => _bounded;

        public double F(double x) => 1 - (x - center) * (x - center);

        public NodeResult Bound(Interval node, int depth, double remainingSeconds, CancellationToken cancellation)
        {
            if (fail?.Invoke(node) == true) throw new InvalidOperationException("bound failed");
            if (delayMilliseconds > 0) Task.Delay(delayMilliseconds, CancellationToken.None).Wait(CancellationToken.None);
            Interlocked.Increment(ref _bounded);
            double mid = (node.A + node.B) / 2, half = (node.B - node.A) / 2;
            // |f'| ≤ 2 on [0, 1]: f ≤ f(mid) + 2·half over the node (loose on purpose, so the search must split).
            double upper = F(mid) + 2 * half;
            double[] x = [mid];
            return new NodeResult(upper, F(mid), new Witness(x, x, F(mid)), Final: half < 1e-12, []);
        }

        public IReadOnlyList<Interval>? Split(Interval node, int depth)
        {
            double mid = (node.A + node.B) / 2;
            return [new Interval(node.A, mid), new Interval(mid, node.B)];
        }
    }

    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(0.3, 4)]
    [InlineData(0.71234, 2)]
    public void An_exact_goal_closes_the_gap_around_the_known_maximum(double center, int workers)
    {
        var domain = new ParabolaDomain(center);
        var progress = new List<SearchProgress>();
        var result = new BranchAndBound<Interval>(domain, new SearchOptions { Workers = workers })
            .Run(new Interval(0, 1), null, new SearchGoal(null, 1e-6, 0), 30, new SynchronousProgress<SearchProgress>(progress.Add));

        Assert.True(result.GoalReached);
        Assert.False(result.TimedOut);
        Assert.InRange(1.0, result.Lower!.Value, result.Upper);
        Assert.True(result.Upper - result.Lower <= 1e-6 * result.Upper + 1e-15);
        Assert.Equal(domain.F(result.Witness!.X[0]), result.Lower!.Value, 15);
        // The certified upper bound never rises, and the open node count is reported.
        for (int i = 1; i < progress.Count; i++) Assert.True(progress[i].Upper <= progress[i - 1].Upper + 1e-15);
        Assert.Contains(progress, p => p.OpenNodes > 1);
    }

    [Theory]
    [InlineData(1.001, true)]
    [InlineData(0.999, false)]
    public void A_threshold_goal_stops_once_decided_on_the_right_side(double atMost, bool passes)
    {
        var domain = new ParabolaDomain(0.3);
        var result = new BranchAndBound<Interval>(domain).Run(new Interval(0, 1), null, new SearchGoal(atMost, 1e-9, 0), 30);

        Assert.True(result.GoalReached);
        if (passes) Assert.True(result.Upper <= atMost && result.Upper >= 1);
        else Assert.True(result.Lower > atMost && result.Lower <= 1);
        var exact = new ParabolaDomain(0.3);
        new BranchAndBound<Interval>(exact).Run(new Interval(0, 1), null, new SearchGoal(null, 1e-9, 0), 30);
        Assert.True(domain.Bounded < exact.Bounded, $"threshold {domain.Bounded} nodes, exact {exact.Bounded}");
    }

    [Fact]
    public void A_root_bound_caps_every_node_and_its_witness_is_kept_until_beaten()
    {
        double[] x = [0.5];
        var root = new NodeResult(1.2, 0.96, new Witness(x, x, 0.96), Final: false, ["root note"]);
        var result = new BranchAndBound<Interval>(new ParabolaDomain(0.3)).Run(new Interval(0, 1), root, new SearchGoal(null, 1e-3, 0), 30);

        Assert.True(result.Upper <= 1.2);
        Assert.True(result.Lower >= 0.96);
        Assert.Contains("root note", result.Notes);
    }

    [Fact]
    public void Forced_splitting_still_covers_the_domain()
    {
        var result = new BranchAndBound<Interval>(new ParabolaDomain(0.999), new SearchOptions { SplitWithoutBoundingBelowDepth = 6, Workers = 3 })
            .Run(new Interval(0, 1), null, new SearchGoal(null, 1e-5, 0), 30);

        Assert.InRange(1.0, result.Lower!.Value, result.Upper);
        Assert.True(result.GoalReached);
    }

    [Fact]
    public void Cancellation_ends_the_search_with_a_sound_interval()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = new BranchAndBound<Interval>(new ParabolaDomain(0.3, delayMilliseconds: 20), new SearchOptions { Workers = 2 })
            .Run(new Interval(0, 1), null, new SearchGoal(null, 1e-12, 0), 60, cancellation: cancel.Token);

        Assert.True(result.Cancelled);
        Assert.False(result.GoalReached);
        Assert.InRange(1.0, result.Lower ?? double.NegativeInfinity, result.Upper);
    }

    [Fact]
    public void The_time_limit_ends_the_search_as_timed_out_with_a_sound_interval()
    {
        var result = new BranchAndBound<Interval>(new ParabolaDomain(0.3, delayMilliseconds: 20))
            .Run(new Interval(0, 1), null, new SearchGoal(null, 1e-12, 0), 0.3);

        Assert.True(result.TimedOut);
        Assert.InRange(1.0, result.Lower ?? double.NegativeInfinity, result.Upper);
        Assert.True(result.NodesOpen > 0);
    }

    [Fact]
    public void A_failing_node_fails_the_search_and_stops_the_other_workers()
    {
        var domain = new ParabolaDomain(0.3, fail: node => node.B - node.A < 0.1);
        var e = Assert.Throws<InvalidOperationException>(() =>
            new BranchAndBound<Interval>(domain, new SearchOptions { Workers = 4 }).Run(new Interval(0, 1), null, new SearchGoal(null, 1e-9, 0), 30));
        Assert.Equal("bound failed", e.Message);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the tests want every report in order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) { lock (this) report(value); }
    }
}
