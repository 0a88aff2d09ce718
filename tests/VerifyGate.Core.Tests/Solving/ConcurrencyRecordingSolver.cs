using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

/// <summary>A solver that records how many of its solves run at once (the most ever, and every call's options),
/// then runs <paramref name="solve"/> (SCIP, a pause, a throw).</summary>
internal sealed class ConcurrencyRecordingSolver(Func<MipModel, SolveOptions, CancellationToken, SolveResult> solve) : IMipSolver
{
    private int _running;
    private int _mostAtOnce;
    private int _calls;
    private readonly List<(SolveOptions Options, DateTime Started)> _starts = [];

    public static ConcurrencyRecordingSolver OverScip() => new((m, o, c) => ScipSolver.Instance.Solve(m, o, c));

    public string Version => "recording";
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
    public int Calls => Volatile.Read(ref _calls);
    public int Running => Volatile.Read(ref _running);
    public IReadOnlyList<(SolveOptions Options, DateTime Started)> Starts { get { lock (_starts) return _starts.ToArray(); } }

    public SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default)
    {
        int now = Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _calls);
        lock (_starts) _starts.Add((options, DateTime.UtcNow));
        for (int most = MostAtOnce; now > most && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most; most = MostAtOnce) { }
        try
        {
            return solve(model, options, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
