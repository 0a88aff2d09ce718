using System.Text.Json.Serialization;

namespace VerifyGate.Core.Checking.Cache;

/// <summary>One cached result on disk: the certified bounds and witness of a decided property.</summary>
internal sealed class CacheEntry
{
    public int Format { get; set; }
    public string Key { get; set; } = "";
    public string Engine { get; set; } = "";
    public double? Lower { get; set; }
    public double? Upper { get; set; }
    public CachedWitness? Witness { get; set; }
    public double? Resolution { get; set; }
    public bool StrictAtZero { get; set; }
    public string Solver { get; set; } = "";
    public double Seconds { get; set; }
    public string[] Notes { get; set; } = [];
    /// <summary>The bounds over the original run: seconds, lower, upper (null: not known yet).</summary>
    public double?[][] Trace { get; set; } = [];
    public DateTimeOffset Created { get; set; }
}

internal sealed class CachedWitness
{
    public double[] X { get; set; } = [];
    public double[] Y { get; set; } = [];
    public double? Ratio { get; set; }
    public double[]? OutputX { get; set; }
    public double[]? OutputY { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
