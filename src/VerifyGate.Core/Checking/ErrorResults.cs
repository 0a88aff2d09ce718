using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>Builds <see cref="Outcome.Error"/> results, and gives a file's load diagnostics to the
/// properties they concern.</summary>
internal static class ErrorResults
{
    public static CheckResult For(string file, string property, string kind, SourcePosition at, IReadOnlyList<Diagnostic> diagnostics,
        double seconds = 0)
    {
        var first = diagnostics[0];
        string more = diagnostics.Count > 1 ? $" (and {diagnostics.Count - 1} more error{(diagnostics.Count > 2 ? "s" : "")})" : "";
        return new CheckResult
        {
            File = file,
            Line = at.Line,
            Column = at.Column,
            Property = property,
            Kind = kind,
            Outcome = Outcome.Error,
            Seconds = seconds,
            Message = first.Message + more,
            Diagnostic = first,
            Diagnostics = diagnostics,
        };
    }

    public static CheckResult For(PropertySpec spec, Diagnostic diagnostic, double seconds = 0) =>
        For(spec.File, spec.Name, spec.KindName, NamePosition(spec), [diagnostic], seconds) with { Threshold = ThresholdOf(spec) };

    public static Diagnostic At(PropertySpec spec, string field, string code, string message)
    {
        var at = spec.Positions.Of(field);
        return new Diagnostic(spec.File, at.Line, at.Column, code, message);
    }

    public static SourcePosition NamePosition(PropertySpec spec) => spec.Positions.Of("name");

    public static Threshold ThresholdOf(PropertySpec spec) =>
        spec.Threshold.Direction == ThresholdDirection.AtMost ? new Threshold(spec.Threshold.Value, null) : new Threshold(null, spec.Threshold.Value);

    /// <summary>Gives a file's load errors to the properties they concern: an error result for each property
    /// the loader dropped (with the diagnostics inside that property, else the file-level ones); for every
    /// property when there are file-level errors (a missing model, a bad default, an unknown top-level
    /// field); or one file-level result when the file has no usable "properties".</summary>
    public static LoadErrors FromLoad(string path, SpecFile? file, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<PropertyEntry> entries)
    {
        var errors = diagnostics.Where(d => !d.IsWarning).ToList();
        var byEntry = new Dictionary<SourcePosition, CheckResult>();
        if (errors.Count == 0) return new LoadErrors(null, byEntry);
        if (file is null || entries.Count == 0)
            return new LoadErrors(For(path, CheckResult.FileLevel, "", SourcePosition.FileStart, errors), byEntry);

        var fileLevel = errors.Where(d => !entries.Any(e => e.Contains(new SourcePosition(d.Line, d.Column)))).ToList();
        var loaded = file.Properties.ToDictionary(p => p.Position);
        foreach (var entry in entries)
        {
            var at = entry.NamePosition ?? entry.Start;
            if (loaded.TryGetValue(entry.Start, out var spec))
            {
                if (fileLevel.Count > 0)
                    byEntry[entry.Start] = For(path, spec.Name, spec.KindName, at, fileLevel) with { Threshold = ThresholdOf(spec) };
                continue;
            }
            var own = errors.Where(d => entry.Contains(new SourcePosition(d.Line, d.Column))).ToList();
            if (own.Count == 0) own = fileLevel;
            if (own.Count == 0) own = [new Diagnostic(path, at.Line, at.Column, SpecErrorCodes.InvalidValue, "the property could not be read")];
            byEntry[entry.Start] = For(path, entry.Name ?? $"(property at line {entry.Start.Line})", entry.Kind ?? "", at, own);
        }
        return new LoadErrors(null, byEntry);
    }
}

/// <param name="FileResult">Set when the file as a whole is unusable: the only result of the file.</param>
/// <param name="ByEntry">Error results by the start of their property entry.</param>
internal sealed record LoadErrors(CheckResult? FileResult, IReadOnlyDictionary<SourcePosition, CheckResult> ByEntry);
