namespace VerifyGate.Core.Checking;

public enum Outcome { Passed, Failed, Inconclusive, Error }

/// <summary>The threshold a property is judged against: exactly one of the two is set.</summary>
public sealed record Threshold(double? AtMost, double? AtLeast)
{
    public override string ToString() => AtMost is double m ? $"<= {m:G6}" : AtLeast is double l ? $">= {l:G6}" : "none";
}

/// <summary>The concrete inputs behind a certified lower bound (or a violation), re-checked by ONNX Runtime.
/// For lipschitz: the pair and its ratio. For the two-copy kinds: the pair and both outputs.</summary>
public sealed record Witness(double[] X, double[] Y, double? Ratio, double[]? OutputX = null, double[]? OutputY = null);

/// <summary>Everything a host shows about one property: rendered by the CLI, the test adapter and the build task.</summary>
public sealed record CheckResult
{
    public required string File { get; init; }
    public required int Line { get; init; }
    public int Column { get; init; }
    public required string Property { get; init; }
    public required string Kind { get; init; }
    public required Outcome Outcome { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public Threshold? Threshold { get; init; }
    public double Seconds { get; init; }
    public string? Solver { get; init; }
    public bool Cached { get; init; }
    public Witness? Witness { get; init; }
    public required string Message { get; init; }
    /// <summary>For errors: the diagnostic with the position of the cause.</summary>
    public Diagnostic? Diagnostic { get; init; }
}
