namespace VerifyGate.Cli;

/// <summary>Process exit codes (spec-format.md, "The CLI").</summary>
public static class ExitCodes
{
    public const int AllPassed = 0;
    public const int SomeFailed = 1;
    public const int UsageOrError = 2;
}
