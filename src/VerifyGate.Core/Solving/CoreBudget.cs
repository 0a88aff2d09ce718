using System.Diagnostics;
using System.Globalization;

namespace VerifyGate.Core.Solving;

/// <summary>The cores of one process (CLI, test adapter, build gate), shared by every property checked in it:
/// a solve that burns a core holds one of <see cref="Size"/> slots while it runs, so properties checked at
/// once never run more solves than there are cores and no wall-clock limit is silently halved.
/// Size: <see cref="Configure"/> (--cores, VerifyGate.Cores), else VERIFYGATE_CORES, else the processor count.</summary>
public sealed class CoreBudget
{
    public const string EnvironmentVariable = "VERIFYGATE_CORES";

    private static CoreBudget _shared = new(FromEnvironment() ?? Environment.ProcessorCount);
    private readonly SemaphoreSlim _slots;

    public CoreBudget(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>The process's budget.</summary>
    public static CoreBudget Shared => Volatile.Read(ref _shared);

    public int Size { get; }

    /// <summary>Slots free right now (for tests and diagnostics).</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Replaces the process's budget; call before checking starts (solves holding slots of the old
    /// budget finish on it).</summary>
    public static void Configure(int size) => Volatile.Write(ref _shared, new CoreBudget(size));

    /// <summary>VERIFYGATE_CORES as a positive whole number, or null when unset or invalid.</summary>
    public static int? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static int? Parse(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;

    /// <summary>Waits for a slot; throws <see cref="OperationCanceledException"/> as soon as the token fires.</summary>
    public CoreSlot Hold(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        _slots.Wait(cancellation);
        return new CoreSlot(_slots, clock.Elapsed);
    }

    /// <summary>Waits for a slot at most <paramref name="seconds"/> (a search's remaining time: no worker waits past it,
    /// whoever else holds the cores); null when that time ran out or the token fired first.</summary>
    public CoreSlot? HoldWithin(double seconds, CancellationToken cancellation)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        wait.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 1e6)));
        try
        {
            return Hold(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

/// <summary>One held core; disposing returns it (once).</summary>
public sealed class CoreSlot : IDisposable
{
    private SemaphoreSlim? _slots;

    internal CoreSlot(SemaphoreSlim slots, TimeSpan waited)
    {
        _slots = slots;
        Waited = waited;
    }

    /// <summary>How long the holder waited for the slot.</summary>
    public TimeSpan Waited { get; }

    public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
}
