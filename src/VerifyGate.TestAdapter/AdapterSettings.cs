using System.Globalization;
using System.Xml.Linq;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;

namespace VerifyGate.TestAdapter;

/// <summary>What the run settings say to the adapter. <c>dotnet test -- VerifyGate.TimeLimitSeconds=30</c>
/// becomes <c>&lt;VerifyGate&gt;&lt;TimeLimitSeconds&gt;30&lt;/TimeLimitSeconds&gt;&lt;/VerifyGate&gt;</c>.
/// The VerifyGate values are null when not given: the manifest's (the project's) value or the default applies
/// (<see cref="OptionPrecedence"/>).</summary>
public sealed record AdapterSettings
{
    /// <summary>The time limit of properties that set none in their file (like the CLI's --time-limit).</summary>
    public double? TimeLimitSeconds { get; init; }
    public bool? UseCache { get; init; }
    public string? CacheDirectory { get; init; }
    public bool? Exact { get; init; }
    /// <summary>The solver for every property (like the CLI's --solver).</summary>
    public SolverChoice? Solver { get; init; }
    /// <summary>RunConfiguration.DisableParallelization: one property at a time.</summary>
    public bool DisableParallelization { get; init; }
    /// <summary>RunConfiguration.MaxCpuCount when positive: at most this many properties at a time.</summary>
    public int MaxCpuCount { get; init; }
    /// <summary>RunConfiguration.TestSessionTimeout in milliseconds when positive: VSTest aborts the run then.</summary>
    public long TestSessionTimeoutMilliseconds { get; init; }
    /// <summary>VerifyGate.Cores: solves at once in the test host, shared by all properties (like the CLI's --cores).</summary>
    public int? Cores { get; init; }
    /// <summary>VerifyGate.Shard (i/n): run only this part of the properties (<see cref="Shard"/>).</summary>
    public Shard? Shard { get; init; }
    /// <summary>VerifyGate.HtmlReport: write the run's HTML report here (relative: to the repository root).</summary>
    public string? HtmlReport { get; init; }

    public int Parallelism => DisableParallelization ? 1 : MaxCpuCount > 0 ? MaxCpuCount : Environment.ProcessorCount;

    /// <summary>Reads the settings XML; unknown or malformed values keep their defaults (the reasons go to <paramref name="warnings"/>).</summary>
    public static AdapterSettings Parse(string? settingsXml, ICollection<string>? warnings = null)
    {
        var settings = new AdapterSettings();
        if (string.IsNullOrWhiteSpace(settingsXml)) return settings;
        XElement root;
        try
        {
            root = XDocument.Parse(settingsXml).Root!;
        }
        catch (System.Xml.XmlException)
        {
            return settings;
        }
        var run = root.Element("RunConfiguration");
        var own = root.Element("VerifyGate");
        string? Text(XElement? parent, string name) => parent?.Element(name)?.Value.Trim();

        if (Bool(Text(run, "DisableParallelization"), "RunConfiguration.DisableParallelization", warnings) is bool disable)
            settings = settings with { DisableParallelization = disable };
        if (Text(run, "MaxCpuCount") is { } cpu && int.TryParse(cpu, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            settings = settings with { MaxCpuCount = count };
        if (Text(run, "TestSessionTimeout") is { } timeout && long.TryParse(timeout, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms))
            settings = settings with { TestSessionTimeoutMilliseconds = ms };
        if (Text(own, "TimeLimitSeconds") is { } limit)
        {
            if (SettingValues.TimeLimit(limit) is double seconds) settings = settings with { TimeLimitSeconds = seconds };
            else warnings?.Add($"VerifyGate.TimeLimitSeconds must be a positive number of seconds, not '{limit}'; the files' limits apply");
        }
        if (Text(own, "Cores") is { } cores)
        {
            if (CoreBudget.Parse(cores) is int n) settings = settings with { Cores = n };
            else warnings?.Add($"VerifyGate.Cores must be a positive whole number, not '{cores}'; {CoreBudget.EnvironmentVariable} or the processor count applies");
        }
        if (Text(own, "Shard") is { Length: > 0 } shard)
        {
            if (Shard.Parse(shard) is { } part) settings = settings with { Shard = part };
            else warnings?.Add($"VerifyGate.Shard must be {Shard.Expected}, not '{shard}'; every property runs");
        }
        if (Bool(Text(own, "UseCache"), "VerifyGate.UseCache", warnings) is bool cache) settings = settings with { UseCache = cache };
        if (Bool(Text(own, "Exact"), "VerifyGate.Exact", warnings) is bool exact) settings = settings with { Exact = exact };
        if (Text(own, "HtmlReport") is { Length: > 0 } report) settings = settings with { HtmlReport = report };
        if (Text(own, "CacheDirectory") is { Length: > 0 } folder) settings = settings with { CacheDirectory = folder };
        if (Text(own, "Solver") is { } solver)
        {
            if (SettingValues.Solver(solver) is SolverChoice choice) settings = settings with { Solver = choice };
            else warnings?.Add($"VerifyGate.Solver must be scip, highs or gurobi, not '{solver}'");
        }
        return settings;
    }

    private static bool? Bool(string? text, string name, ICollection<string>? warnings)
    {
        if (text is null) return null;
        if (SettingValues.Bool(text) is bool value) return value;
        warnings?.Add($"{name} must be true or false, not '{text}'");
        return null;
    }
}
