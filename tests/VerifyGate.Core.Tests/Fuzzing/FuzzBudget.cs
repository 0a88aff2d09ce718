namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>How many mutations the reader fuzzers make: <c>VERIFYGATE_FUZZ</c> (default 4,000 in all) split by
/// share; <c>VERIFYGATE_FUZZ_SEED</c> replays a CsCheck seed printed by a failure.</summary>
public static class FuzzBudget
{
    public const int DefaultTotal = 4000;

    public static int Total { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("VERIFYGATE_FUZZ"), out int n) && n > 0 ? n : DefaultTotal;

    public static string? Seed { get; } = Environment.GetEnvironmentVariable("VERIFYGATE_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    public static int Iterations(double share) => Math.Max(1, (int)Math.Round(Total * share));
}
