using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Checking;

public enum Outcome { Passed, Failed, Inconclusive, Error }

/// <summary>The threshold a property is judged against: exactly one of the two is set.</summary>
public sealed record Threshold(double? AtMost, double? AtLeast)
{
    public override string ToString() => AtMost is double m ? $"<= {m:G6}" : AtLeast is double l ? $">= {l:G6}" : "none";
}

/// <summary>The concrete inputs behind a certified lower bound (or a violation), re-checked by ONNX Runtime.
/// For lipschitz: the pair and its ratio. For the two-copy kinds: the pair and both outputs.</summary>
public sealed record Witness(double[] X, double[] Y, double? Ratio, double[]? OutputX = null, double[]? OutputY = null)
{
    /// <summary>Two distinct inputs: only such a witness is ever shown (x = y shows nothing).</summary>
    public bool IsPair => !X.AsSpan().SequenceEqual(Y);
    /// <summary>One input with its output (a robustness counterexample or worst point): X = Y, only OutputX.</summary>
    public bool IsPoint => !IsPair && OutputX is not null && OutputY is null;
}

/// <summary>The input ball of a radius kind (<c>center</c>, <c>norm</c>, <c>maxRadius</c>): the report draws it.</summary>
public sealed record InputBall(double[] Center, NormKind Norm, double? MaxRadius);

/// <summary>Everything a host shows about one property: rendered by the CLI, the test adapter and the build task.</summary>
public sealed record CheckResult
{
    /// <summary>The property file, as it was given to the checker (hosts make it relative for display).</summary>
    public required string File { get; init; }
    /// <summary>Where the property is: its name token (the file start for a file-level error).</summary>
    public required int Line { get; init; }
    public int Column { get; init; }
    /// <summary>The property's name; <see cref="FileLevel"/> for an error that concerns the whole file.</summary>
    public required string Property { get; init; }
    /// <summary>The kind as written in files ("lipschitz"); empty when unknown.</summary>
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
    /// <summary>The diagnostic to show in canonical form: for errors the cause with its position; for
    /// failed and inconclusive properties VG3001/VG3002 at the threshold token; null when passed.</summary>
    public Diagnostic? Diagnostic { get; init; }
    /// <summary>Every diagnostic behind an error (a property can have several mistakes); starts with <see cref="Diagnostic"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>The ball of a radius kind; null for the others.</summary>
    public InputBall? Ball { get; init; }
    /// <summary>The certified bounds over the run (the report's picture); empty for errors and runs that reported none.</summary>
    public IReadOnlyList<BoundSample> Trace { get; init; } = [];
    /// <summary>Remarks of the run (for example a witness ONNX Runtime did not confirm).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A note starting with this says in one phrase what the certified bounds mean (hosts show it under the result).</summary>
    public const string MeaningPrefix = "meaning: ";

    /// <summary>The property name of a result that concerns the whole file (it cannot be read or parsed).</summary>
    public const string FileLevel = "(file)";
}
