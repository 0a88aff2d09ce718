namespace VerifyGate.Core.Tests.Trials;

/// <summary>How many random trials a run makes: <c>VERIFYGATE_TRIALS</c> (default 1,000) split over the
/// trial tests by share; <c>VERIFYGATE_TRIALS_SEED</c> replays a CsCheck seed printed by a failure.</summary>
public static class TrialBudget
{
    public const int DefaultTotal = 1000;

    public static int Total { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("VERIFYGATE_TRIALS"), out int n) && n > 0 ? n : DefaultTotal;

    public static string? Seed { get; } = Environment.GetEnvironmentVariable("VERIFYGATE_TRIALS_SEED") is { Length: > 0 } s ? s : null;

    public static int Iterations(double share) => Math.Max(1, (int)Math.Round(Total * share));
}
