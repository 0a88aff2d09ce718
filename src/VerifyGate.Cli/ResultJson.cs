using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VerifyGate.Core;
using VerifyGate.Core.Checking;

namespace VerifyGate.Cli;

/// <summary>The --json document (spec-format.md, "Result JSON"). Fields beyond the contract
/// (column, diagnostics, notes, trace) are additions; the contract's names never change.</summary>
public sealed class ResultDocument
{
    public int Version { get; init; } = 1;
    public required IReadOnlyList<ResultEntry> Results { get; init; }
}

public sealed class ResultEntry
{
    /// <summary>The property file relative to the current directory, with forward slashes.</summary>
    public required string File { get; init; }
    public required int Line { get; init; }
    public int Column { get; init; }
    public required string Property { get; init; }
    public required string Kind { get; init; }
    /// <summary>passed, failed, inconclusive or error.</summary>
    public required string Outcome { get; init; }
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public ThresholdEntry? Threshold { get; init; }
    public double Seconds { get; init; }
    public string? Solver { get; init; }
    public bool Cached { get; init; }
    public WitnessEntry? Witness { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<DiagnosticEntry> Diagnostics { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The certified bounds over the run: [seconds, lower, upper] (null: not known yet).</summary>
    public IReadOnlyList<double?[]> Trace { get; init; } = [];
}

/// <summary>{"atMost": x} or {"atLeast": x}.</summary>
public sealed class ThresholdEntry
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? AtMost { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? AtLeast { get; init; }
}

/// <summary>The inputs behind the bound; <see cref="Outputs"/> holds f(x) and f(y) when known.</summary>
public sealed class WitnessEntry
{
    public required double[] X { get; init; }
    public required double[] Y { get; init; }
    public double? Ratio { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double[][]? Outputs { get; init; }
}

public sealed class DiagnosticEntry
{
    public required string File { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public required string Code { get; init; }
    public required string Severity { get; init; }
    public required string Message { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ResultDocument))]
public sealed partial class ResultJsonContext : JsonSerializerContext;

public static class ResultJson
{
    /// <summary>Quotes and apostrophes in messages stay readable (the document is not embedded in HTML).</summary>
    private static readonly ResultJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(IEnumerable<CheckResult> results) =>
        JsonSerializer.Serialize(new ResultDocument { Results = results.Select(ToEntry).ToList() }, Context.ResultDocument);

    public static ResultEntry ToEntry(CheckResult r) => new()
    {
        File = DisplayPath.Of(r.File),
        Line = r.Line,
        Column = r.Column,
        Property = r.Property,
        Kind = r.Kind,
        Outcome = r.Outcome.ToString().ToLowerInvariant(),
        Lower = Finite(r.Lower),
        Upper = Finite(r.Upper),
        Threshold = r.Threshold is { } t ? new ThresholdEntry { AtMost = t.AtMost, AtLeast = t.AtLeast } : null,
        Seconds = Math.Round(r.Seconds, 3),
        Solver = r.Solver,
        Cached = r.Cached,
        Witness = r.Witness is { } w ? new WitnessEntry
        {
            X = w.X,
            Y = w.Y,
            Ratio = Finite(w.Ratio),
            // A pair's two outputs; a single point's (robustness) one.
            Outputs = w.OutputX is { } fx ? w.OutputY is { } fy ? [fx, fy] : w.IsPoint ? [fx] : null : null,
        } : null,
        Message = r.Message,
        Diagnostics = r.Diagnostics.Select(ToEntry).ToList(),
        Notes = r.Notes,
        Trace = [.. r.Trace.Select(s => new double?[] { Math.Round(s.Seconds, 3), Finite(s.Lower), Finite(s.Upper) })],
    };

    private static DiagnosticEntry ToEntry(Diagnostic d) => new()
    {
        File = DisplayPath.Of(d.File),
        Line = d.Line,
        Column = d.Column,
        Code = d.Code,
        Severity = d.IsWarning ? "warning" : "error",
        Message = d.Message,
    };

    private static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
}
