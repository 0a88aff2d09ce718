using CsCheck;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests;

/// <summary>How many random cases the CsCheck tests of one family sample per run, read from an environment
/// variable and split over the family's tests by share, and a seed variable that replays a failure.</summary>
public sealed class RandomBudget(string countVariable, string seedVariable, int defaultTotal)
{
    /// <summary>Soundness trials against the oracles (tests/…/Trials).</summary>
    public static RandomBudget Trials { get; } = new("VERIFYGATE_TRIALS", "VERIFYGATE_TRIALS_SEED", 1000);

    /// <summary>Mutations of property files and ONNX files (tests/…/Fuzzing).</summary>
    public static RandomBudget Fuzz { get; } = new("VERIFYGATE_FUZZ", "VERIFYGATE_FUZZ_SEED", 4000);

    public int Total { get; } = int.TryParse(Environment.GetEnvironmentVariable(countVariable), out int n) && n > 0 ? n : defaultTotal;

    public string? Seed { get; } = Environment.GetEnvironmentVariable(seedVariable) is { Length: > 0 } s ? s : null;

    public int Iterations(double share) => Math.Max(1, (int)Math.Round(Total * share));

    /// <summary>Samples this test's share on one thread (the engines parallelise inside); a failure is shrunk
    /// by CsCheck and reported with its seed and <paramref name="print"/> of the smallest failing case.</summary>
    public void Sample<T>(Gen<T> cases, double share, Action<T> check, Func<T, string> print, ITestOutputHelper output) =>
        cases.Sample(check, output.WriteLine, seed: Seed, iter: Iterations(share), threads: 1, print: print);
}
