using System.Diagnostics;
using System.Text;

namespace VerifyGate.Testing;

/// <summary>A program started for a test that acts on it while it runs (sends it a signal, kills one of its
/// children): its output is collected line by line as it comes.</summary>
public sealed class WatchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new(), _all = new();

    public WatchedProcess(string program, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        _process = new Process { StartInfo = DotnetCli.StartInfo(program, workingDirectory, environment, arguments) };
        _process.OutputDataReceived += (_, e) => Append(e.Data, toStdout: true);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, toStdout: false);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string StandardOutput { get { lock (_all) return _stdout.ToString(); } }

    /// <summary>stdout and stderr, interleaved as they arrived.</summary>
    public string Output { get { lock (_all) return _all.ToString(); } }

    private void Append(string? line, bool toStdout)
    {
        if (line is null) return;
        lock (_all)
        {
            _all.AppendLine(line);
            if (toStdout) _stdout.AppendLine(line);
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false when the time runs out or the process ends first.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || _process.HasExited) return Output.Contains(text, StringComparison.Ordinal);
            Thread.Sleep(100);
        }
        return true;
    }

    /// <summary>The exit code once the process and its output have ended; null when it is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return null;
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends a signal by name (INT, TERM, KILL) to any process, as <c>kill -NAME pid</c> does.</summary>
    public static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {processId} failed with exit code {kill.ExitCode}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
