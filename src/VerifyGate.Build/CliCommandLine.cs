using Microsoft.Build.Utilities;

namespace VerifyGate.Build;

/// <summary>The <c>dotnet exec ... verifygate.dll check ...</c> command line of a <see cref="CheckProperties"/> run.</summary>
internal static class CliCommandLine
{
    public static string Build(CheckProperties task)
    {
        var line = new CommandLineBuilder();
        line.AppendSwitch("exec");
        line.AppendSwitchIfNotNull("--additionalprobingpath ", Empty(task.ProbingPath));
        line.AppendFileNameIfNotNull(task.CliPath);
        line.AppendSwitch("check");
        // Absolute paths: MSBuild, Visual Studio and GitHub's problem matcher all resolve them.
        line.AppendSwitch("--absolute-paths");
        line.AppendSwitchIfNotNull("--inputs-file ", Empty(task.InputsFile));
        line.AppendSwitchIfNotNull("--time-limit ", Empty(task.TimeLimitSeconds));
        line.AppendSwitchIfNotNull("--solver ", Empty(task.Solver));
        line.AppendSwitchIfNotNull("--cores ", Empty(task.Cores));
        line.AppendSwitchIfNotNull("--shard ", Empty(task.Shard));
        line.AppendSwitchIfNotNull("--html ", Empty(task.HtmlReport));
        line.AppendSwitchIfNotNull("--cache-dir ", Empty(task.CacheDirectory));
        if (!task.UseCache) line.AppendSwitch("--no-cache");
        if (task.Exact) line.AppendSwitch("--exact");
        line.AppendFileNamesIfNotNull(task.PropertyFiles, " ");
        return line.ToString();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
