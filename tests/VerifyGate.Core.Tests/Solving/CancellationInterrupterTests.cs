using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

/// <summary>The interrupt must reach SCIP even when every thread-pool thread is blocked in a solve:
/// a pool-queued interrupt once waited long enough for a 10 s solve to finish uncancelled.</summary>
public class CancellationInterrupterTests
{
    private sealed class Recorder
    {
        private readonly List<(int Thread, bool Pool)> _calls = [];
        public void Record() { lock (_calls) _calls.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread)); }
        public (int Thread, bool Pool)[] Calls { get { lock (_calls) return _calls.ToArray(); } }
    }

    [Fact]
    public void FirstInterruptIsSentOnTheCancellingThreadBeforeCancelReturns()
    {
        var recorder = new Recorder();
        using var cancel = new CancellationTokenSource();
        using var interrupter = new CancellationInterrupter(cancel.Token, recorder.Record);

        cancel.Cancel();

        var first = Assert.Single(recorder.Calls.Take(1));
        Assert.Equal(Environment.CurrentManagedThreadId, first.Thread);
        Assert.True(interrupter.Fired);
    }

    [Fact]
    public void RepeatsRunOffTheThreadPoolAndStopAtDispose()
    {
        var recorder = new Recorder();
        using var cancel = new CancellationTokenSource();
        var interrupter = new CancellationInterrupter(cancel.Token, recorder.Record);
        cancel.Cancel();

        Assert.True(SpinWait.SpinUntil(() => recorder.Calls.Length >= 4, TimeSpan.FromSeconds(20)));
        interrupter.Dispose();
        int atDispose = recorder.Calls.Length;
        Thread.Sleep(300);

        Assert.Equal(atDispose, recorder.Calls.Length);
        // The first call ran on this (test) thread; every repeat on the interrupter's own thread.
        Assert.All(recorder.Calls.Skip(1), call => Assert.False(call.Pool));
    }

    [Fact]
    public void NoInterruptAfterDisposeEvenWhenCancelledLater()
    {
        var recorder = new Recorder();
        using var cancel = new CancellationTokenSource();
        var interrupter = new CancellationInterrupter(cancel.Token, recorder.Record);
        interrupter.Dispose();

        cancel.Cancel();

        Assert.Empty(recorder.Calls);
        Assert.False(interrupter.Fired);
    }

    [Fact]
    public void AlreadyCancelledTokenInterruptsAtOnce()
    {
        var recorder = new Recorder();
        using var interrupter = new CancellationInterrupter(new CancellationToken(canceled: true), recorder.Record);

        Assert.NotEmpty(recorder.Calls);
        Assert.True(interrupter.Fired);
    }
}
