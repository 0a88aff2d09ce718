using System;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VerifyGate.Build;

/// <summary>Runs <c>verifygate check</c> out of process on property files (the solvers' native libraries
/// never load into an MSBuild node) and turns its canonical lines into build errors and warnings:
/// a failed or errored property is an error at its position in the JSON, an inconclusive one a warning
/// (an error when the property says <c>onInconclusive: "fail"</c>). A stamp file is written only after a
/// clean pass, so the target's incremental check can skip the next build and a failing build stays failing.</summary>
public sealed class CheckProperties : ToolTask
{
    /// <summary>The <c>*.verify.json</c> files to check.</summary>
    [Required]
    public ITaskItem[] PropertyFiles { get; set; } = [];

    /// <summary>The CLI's entry assembly (<c>verifygate.dll</c>), run with <c>dotnet exec</c>.</summary>
    [Required]
    public string CliPath { get; set; } = "";

    /// <summary>A folder where the CLI's package dependencies are found (the NuGet package root);
    /// empty when they sit beside the CLI.</summary>
    public string? ProbingPath { get; set; }

    /// <summary>The folder the CLI runs in (relative spec paths and the default cache are resolved from it).</summary>
    public string? RootDirectory { get; set; }

    /// <summary>Seconds per property that sets no <c>timeLimitSeconds</c>; empty for the CLI's default.</summary>
    public string? TimeLimitSeconds { get; set; }

    public string? CacheDirectory { get; set; }

    public bool UseCache { get; set; } = true;

    public bool Exact { get; set; }

    /// <summary>Solves at once in the CLI's process (<c>--cores</c>); empty for its default.</summary>
    public string? Cores { get; set; }

    /// <summary><c>scip</c>, <c>highs</c> or <c>gurobi</c>; empty to keep each file's choice.</summary>
    public string? Solver { get; set; }

    /// <summary>A full path: also write the HTML report there (<c>--html</c>); empty for none.</summary>
    public string? HtmlReport { get; set; }

    /// <summary><c>i/n</c>: check only that part of the properties (<c>--shard</c>); empty for all.</summary>
    public string? Shard { get; set; }

    /// <summary>Written (with the checked files) after a run without errors; deleted before every run.</summary>
    public string? StampFile { get; set; }

    /// <summary>Where the CLI lists every file the check read (property files and models), for the next
    /// build's incremental check.</summary>
    public string? InputsFile { get; set; }

    protected override string ToolName => Environment.OSVersion.Platform == PlatformID.Win32NT ? "dotnet.exe" : "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    public override bool Execute()
    {
        if (PropertyFiles.Length == 0)
        {
            Log.LogMessage(MessageImportance.High, "VerifyGate: no property files (*.verify.json) to check.");
            return true;
        }
        if (!ValidateParameters()) return false;
        DeleteStamp();
        bool succeeded = base.Execute() && !Log.HasLoggedErrors;
        if (succeeded) WriteStamp();
        return succeeded;
    }

    protected override bool ValidateParameters()
    {
        if (!File.Exists(CliPath))
        {
            Log.LogError(null, BuildCodes.CliMissing, null, null, 0, 0, 0, 0,
                $"the VerifyGate command-line program is missing: '{CliPath}' (restore the VerifyGate package again, or set VerifyGateCliPath)");
            return false;
        }
        if (!string.IsNullOrEmpty(TimeLimitSeconds) &&
            !(double.TryParse(TimeLimitSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && !double.IsInfinity(seconds)))
        {
            Log.LogError(null, BuildCodes.BadSetting, null, null, 0, 0, 0, 0,
                $"VerifyGateTimeLimitSeconds must be a positive number of seconds, not '{TimeLimitSeconds}'");
            return false;
        }
        if (!string.IsNullOrEmpty(Cores) && !(int.TryParse(Cores, NumberStyles.None, CultureInfo.InvariantCulture, out int cores) && cores > 0))
        {
            Log.LogError(null, BuildCodes.BadSetting, null, null, 0, 0, 0, 0,
                $"VerifyGateCores must be a positive whole number, not '{Cores}'");
            return false;
        }
        if (!string.IsNullOrEmpty(Shard) && !IsShard(Shard!))
        {
            Log.LogError(null, BuildCodes.BadSetting, null, null, 0, 0, 0, 0,
                $"VerifyGateShard must be i/n with whole numbers 1 <= i <= n (for example 2/3), not '{Shard}'");
            return false;
        }
        return true;
    }

    private static bool IsShard(string text)
    {
        string[] parts = text.Split('/');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
               && index >= 1 && index <= count;
    }

    protected override string GenerateFullPathToTool() => DotnetHost.Find(ToolName);

    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(RootDirectory) ? null : RootDirectory;

    protected override string GenerateCommandLineCommands() => CliCommandLine.Build(this);

    /// <summary>Canonical lines go to MSBuild's own parser (file, line, column, code); everything else,
    /// including the per-property result lines and solver chatter, is a message.</summary>
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (CanonicalLine.IsDiagnostic(singleLine)) Log.LogMessageFromText(singleLine, messageImportance);
        else Log.LogMessage(messageImportance, "{0}", singleLine);
    }

    /// <summary>The arguments the CLI is started with (after the host).</summary>
    internal string CommandLine => GenerateCommandLineCommands();

    /// <summary>Logs one line of the CLI's output as a run would.</summary>
    internal void LogOutputLine(string line) => LogEventsFromTextOutput(line, StandardOutputLoggingImportance);

    private void DeleteStamp()
    {
        if (!string.IsNullOrEmpty(StampFile) && File.Exists(StampFile)) File.Delete(StampFile);
    }

    private void WriteStamp()
    {
        if (string.IsNullOrEmpty(StampFile)) return;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(StampFile));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(StampFile, $"VerifyGate checked {PropertyFiles.Length} property file(s) without errors at {DateTime.UtcNow:O}{Environment.NewLine}");
    }
}
