namespace VerifyGate.Cli;

/// <summary>Process exit codes (spec-format.md, "The CLI").</summary>
public static class ExitCodes
{
    public const int AllPassed = 0;
    public const int SomeFailed = 1;
    public const int UsageOrError = 2;
    /// <summary>Stopped by SIGINT (Ctrl-C) or SIGTERM, after printing the results it had (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
