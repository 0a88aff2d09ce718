using VerifyGate.Core.Checking;
using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>A run whose token fires while a property is checked: the property reports the bounds it had as
/// inconclusive (VG3010, whatever onInconclusive says) unless they already decide it, the properties after
/// it are not run, and nothing of the run is cached.</summary>
public class CheckerCancellationTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly CancellationTokenSource _cancellation = new();

    public void Dispose()
    {
        _cancellation.Dispose();
        _ws.Dispose();
    }

    /// <summary>Cancels the run while "solving", then answers as an engine that stopped would (or throws).</summary>
    private sealed class CancellingRunner(CancellationTokenSource cancellation, Func<BoundsRun> answer) : IPropertyRunner
    {
        public int Runs { get; private set; }
        public PropertyKind Kind => PropertyKind.Lipschitz;
        public string QuantityName(ResolvedProperty property) => "L";

        public BoundsRun Run(PropertyRunContext context)
        {
            Runs++;
            cancellation.Cancel();
            return answer();
        }
    }

    private (IReadOnlyList<CheckResult> Results, int Runs) Check(Func<BoundsRun> answer)
    {
        string spec = _ws.Spec("iris.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("first", 10), CheckWorkspace.Lipschitz("second", 10));
        var runner = new CancellingRunner(_cancellation, answer);
        var results = new Checker([runner]).Check([spec], _ws.Options, cancellation: _cancellation.Token);
        return (results, runner.Runs);
    }

    [Fact]
    public void Undecided_bounds_are_inconclusive_cancelled_even_with_onInconclusive_fail()
    {
        var (results, runs) = Check(() => new BoundsRun { Lower = 2, Upper = 50, Solver = "fake", Seconds = 1.5 });

        var r = Assert.Single(results);
        Assert.Equal(1, runs);
        Assert.Equal(("first", Outcome.Inconclusive, 2.0, 50.0), (r.Property, r.Outcome, r.Lower, r.Upper));
        Assert.Equal("L certified in [2, 50] is undecided against atMost 10: cancelled in 1.50 s", r.Message);
        var d = Assert.IsType<Diagnostic>(r.Diagnostic);
        Assert.Equal((CheckCodes.Cancelled, true), (d.Code, d.IsWarning));
        Assert.Equal("property 'first' was cancelled: " + r.Message, d.Message);
        Assert.Empty(_ws.CacheEntries());
    }

    [Fact]
    public void Bounds_that_decide_the_property_keep_their_verdict_but_are_not_cached()
    {
        var (results, _) = Check(() => new BoundsRun { Lower = 2, Upper = 3, Solver = "fake" });

        Assert.Equal(Outcome.Passed, Assert.Single(results).Outcome);
        Assert.Empty(_ws.CacheEntries());
    }

    [Fact]
    public void A_runner_that_throws_on_cancellation_reports_no_bounds_cancelled()
    {
        var (results, _) = Check(() => throw new OperationCanceledException());

        var r = Assert.Single(results);
        Assert.Equal((Outcome.Inconclusive, (double?)null, (double?)null), (r.Outcome, r.Lower, r.Upper));
        Assert.Equal(CheckCodes.Cancelled, r.Diagnostic?.Code);
    }
}
