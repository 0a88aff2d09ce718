namespace VerifyGate.Core.Solving;

/// <summary>Forwards a cancellation to a running solve. The first interrupt is sent on the thread that
/// cancels, before its Cancel() returns; it is then repeated every 50 ms until the solve returns,
/// because SCIP clears its interrupt flag when a solve starts, so one that lands while the model is
/// still being handed over is lost.
/// Neither the first interrupt nor the repeats wait for the thread pool: the pool's threads are the
/// ones blocked in solves (Parallel.For over sub-problems, properties at once), and a queued interrupt
/// waited there for seconds under load, long enough for a 10 s solve to finish uncancelled.</summary>
internal sealed class CancellationInterrupter : IDisposable
{
    private static readonly TimeSpan RepeatInterval = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly Action _interrupt;
    private readonly CancellationTokenRegistration _registration;
    private bool _finished;

    public CancellationInterrupter(CancellationToken token, Action interrupt)
    {
        _interrupt = interrupt;
        _registration = token.Register(OnCancelled);
    }

    public bool Fired { get; private set; }

    private void OnCancelled()
    {
        lock (_gate)
        {
            if (_finished) return;
            Interrupt();
        }
        new Thread(Repeat) { IsBackground = true, Name = "VerifyGate solve interrupt" }.Start();
    }

    private void Repeat()
    {
        lock (_gate)
            while (!_finished)
            {
                Monitor.Wait(_gate, RepeatInterval);
                if (!_finished) Interrupt();
            }
    }

    private void Interrupt()
    {
        Fired = true;
        _interrupt();
    }

    /// <summary>Call when the solve has returned; after this the interrupt action is never called again.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        lock (_gate)
        {
            _finished = true;
            Monitor.PulseAll(_gate);
        }
    }
}
