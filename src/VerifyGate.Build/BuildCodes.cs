namespace VerifyGate.Build;

/// <summary>Diagnostic codes of the build task itself (VG40xx); the checks' own codes come from the CLI.</summary>
internal static class BuildCodes
{
    /// <summary>The CLI the task runs is not where the package put it.</summary>
    public const string CliMissing = "VG4001";

    /// <summary>An MSBuild property of the package has a value the check cannot use.</summary>
    public const string BadSetting = "VG4002";
}
