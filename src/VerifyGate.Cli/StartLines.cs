using VerifyGate.Core.Checking;

namespace VerifyGate.Cli;

/// <summary>Progress for a stderr that is not a terminal (a CI log, a file): one line when each property
/// starts, so that if the process is killed (the OOM killer, a job timeout) the log names the property
/// that was running. Result lines follow on stdout as each property finishes.</summary>
public sealed class StartLines(TextWriter log) : IProgress<CheckProgress>
{
    private (string File, string Property)? _running;

    public void Report(CheckProgress value)
    {
        if (value.Finished)
        {
            _running = null;
            return;
        }
        if (_running == (value.File, value.Property)) return;
        _running = (value.File, value.Property);
        log.WriteLine($"verifygate: checking {DisplayPath.Of(value.File)}: {value.Property}");
        log.Flush();
    }
}
