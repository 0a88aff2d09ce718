namespace VerifyGate.Core.Solving;

/// <summary>Forwards a cancellation to a running solve. The interrupt is repeated every 50 ms
/// until the solve returns, so a cancellation that arrives just before the solver starts
/// (when an interrupt may be reset) is not lost.</summary>
internal sealed class CancellationInterrupter : IDisposable
{
    private readonly object _gate = new();
    private readonly Action _interrupt;
    private readonly CancellationTokenRegistration _registration;
    private Task _loop = Task.CompletedTask;
    private bool _finished;

    public CancellationInterrupter(CancellationToken token, Action interrupt)
    {
        _interrupt = interrupt;
        _registration = token.Register(() => _loop = Task.Run(Loop));
    }

    public bool Fired { get; private set; }

    private async Task Loop()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_finished) return;
                Fired = true;
                _interrupt();
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Call when the solve has returned; after this the interrupt action is never called again.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        lock (_gate) _finished = true;
    }
}
