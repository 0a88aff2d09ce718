namespace VerifyGate.Core.Checking;

/// <summary>Diagnostic codes of checking (VG30xx). Load and import errors keep their own codes (VG1xxx, VG2xxx).</summary>
public static class CheckCodes
{
    /// <summary>The property is violated: a certified bound on the wrong side of the threshold, with a witness.</summary>
    public const string Violated = "VG3001";
    /// <summary>The time ran out (or the precision) with the threshold between the certified bounds.
    /// An error with onInconclusive "fail", a warning with "warn".</summary>
    public const string Inconclusive = "VG3002";
    /// <summary>The solver failed or the check crashed.</summary>
    public const string SolverFailure = "VG3003";
    /// <summary>The property's kind has no engine in this build yet.</summary>
    public const string KindNotImplemented = "VG3004";
    /// <summary>The requested solver is not available (not in this build, not installed).</summary>
    public const string SolverUnavailable = "VG3005";
    /// <summary>The run was cancelled (Ctrl-C, SIGTERM, a test-run cancel or timeout) before the bounds
    /// decided the property: a warning, outcome inconclusive whatever onInconclusive says.</summary>
    public const string Cancelled = "VG3010";
    /// <summary>A pre-activation bound (a big-M constant) on the property's domain is beyond
    /// <see cref="Numerics.MagnitudeLimits.BigM"/>: huge weights, or a domain too wide for them.</summary>
    public const string PreActivationBoundTooLarge = "VG3020";
    /// <summary>A tangent bound (a big-M constant of the Lipschitz encoding) is beyond
    /// <see cref="Numerics.MagnitudeLimits.TangentBigM"/>: the model's weights multiply to a huge gain.</summary>
    public const string TangentBoundTooLarge = "VG3021";
}
