using System.Diagnostics;

namespace VerifyGate.TestAdapter;

/// <summary>VSTest meets RunConfiguration.TestSessionTimeout by killing the test host without calling
/// <see cref="PropertyExecutor.Cancel"/>, so the running properties would vanish without a result. This
/// cancels the run a little earlier, counted from the test host's start (the session's clock started just
/// before it), leaving the properties time to report themselves cancelled.</summary>
internal sealed class SessionDeadline : IDisposable
{
    private static readonly TimeSpan LongestMargin = TimeSpan.FromSeconds(5);
    private readonly Timer? _timer;

    public SessionDeadline(long timeoutMilliseconds, Action cancel)
    {
        if (timeoutMilliseconds <= 0) return;
        Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds);
        var margin = Timeout.Value / 4 < LongestMargin ? Timeout.Value / 4 : LongestMargin;
        var left = Process.GetCurrentProcess().StartTime.ToUniversalTime() + Timeout.Value - margin - DateTime.UtcNow;
        _timer = new Timer(_ =>
        {
            Reached = true;
            cancel();
        }, null, left > TimeSpan.Zero ? left : TimeSpan.Zero, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan? Timeout { get; }

    /// <summary>The deadline came and the run was cancelled.</summary>
    public bool Reached { get; private set; }

    public void Dispose() => _timer?.Dispose();
}
