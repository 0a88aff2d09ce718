using VerifyGate.Core.Checking;

namespace VerifyGate.TestAdapter;

/// <summary>The check options of one test assembly's properties: for each setting, the run settings' value
/// if given, else the manifest's (the project's MSBuild property), else the checker's default.</summary>
public static class OptionPrecedence
{
    public static CheckOptions Resolve(AdapterSettings run, ManifestSettings project) => new()
    {
        TimeLimitSeconds = run.TimeLimitSeconds ?? project.TimeLimitSeconds,
        UseCache = run.UseCache ?? project.UseCache ?? CheckOptions.Default.UseCache,
        CacheDirectory = run.CacheDirectory ?? project.CacheDirectory,
        Exact = run.Exact ?? project.Exact ?? CheckOptions.Default.Exact,
        Solver = run.Solver ?? project.Solver,
        Shard = run.Shard ?? project.Shard,
    };
}
