using System.Security.Cryptography;
using System.Text.Json;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking.Cache;

/// <summary>The cache key of a property's result: SHA-256 over a canonical JSON document of everything
/// that determines the result. Any change to the model's bytes, the resolved property (kind, box,
/// norms, outputs, threshold, kind-specific fields), the run (exact, time limit), the solver (its
/// version and extra parameters) or the engine version gives another key.</summary>
public static class CacheKey
{
    /// <summary>Bump when the canonical document changes meaning.</summary>
    /// <summary>2: entries carry the engine's resolution (thresholds below it are judged against it).</summary>
    public const int Format = 2;

    /// <param name="modelSha256">Hash of the model file's bytes.</param>
    /// <param name="referenceSha256">Hash of the reference model (matching), else null.</param>
    public static string Compute(string modelSha256, ResolvedProperty property, string? referenceSha256,
        bool exact, double timeLimitSeconds, string solverVersion, string solverSettings) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(modelSha256, property, referenceSha256, exact, timeLimitSeconds, solverVersion, solverSettings)));

    /// <summary>The canonical document: fixed field order, shortest round-trip numbers, no whitespace.</summary>
    public static byte[] Canonical(string modelSha256, ResolvedProperty property, string? referenceSha256,
        bool exact, double timeLimitSeconds, string solverVersion, string solverSettings)
    {
        var spec = property.Spec;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("engine", EngineInfo.Version);
            w.WriteString("model", modelSha256);
            w.WriteString("kind", spec.KindName);
            Numbers(w, "lower", property.Lower);
            Numbers(w, "upper", property.Upper);
            Numbers(w, "fixed", property.FixedInputs.Select(i => (double)i).ToArray());
            w.WriteString("inputNorm", spec.InputNorm.Label());
            w.WriteString("outputNorm", spec.OutputNorm.Label());
            Numbers(w, "outputs", property.Outputs.Select(i => (double)i).ToArray());
            w.WriteStartObject("threshold");
            w.WriteNumber(spec.Threshold.FieldName, spec.Threshold.Value);
            w.WriteEndObject();
            w.WriteString("onInconclusive", spec.OnInconclusive == InconclusivePolicy.Warn ? "warn" : "fail");
            w.WriteNumber("outputTolerance", spec.OutputTolerance);
            if (spec.Center is { } center) Numbers(w, "center", center);
            if (spec.MaxRadius is double maxRadius) w.WriteNumber("maxRadius", maxRadius);
            if (spec.Separation is double separation) w.WriteNumber("separation", separation);
            if (referenceSha256 is not null) w.WriteString("reference", referenceSha256);
            if (property.Cases is { } cases) Cases(w, cases);
            w.WriteBoolean("exact", exact);
            w.WriteNumber("timeLimitSeconds", timeLimitSeconds);
            w.WriteString("solver", solverVersion);
            w.WriteString("solverSettings", solverSettings);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A robustness property's boxes and conditions as resolved, so an edit of its VNN-LIB file changes the key.</summary>
    private static void Cases(Utf8JsonWriter w, IReadOnlyList<Problems.Robustness.RobustnessCase> cases)
    {
        w.WriteStartArray("cases");
        foreach (var c in cases)
        {
            w.WriteStartObject();
            Numbers(w, "lower", c.Lower);
            Numbers(w, "upper", c.Upper);
            w.WriteStartArray("clauses");
            foreach (var clause in c.Condition.Clauses)
            {
                w.WriteStartArray();
                foreach (var atom in clause.Atoms)
                {
                    w.WriteStartObject();
                    Numbers(w, "coefficients", atom.Coefficients);
                    w.WriteNumber("bound", atom.Bound);
                    w.WriteBoolean("strict", atom.Strict);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
