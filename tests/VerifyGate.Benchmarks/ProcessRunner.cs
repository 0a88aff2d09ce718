using System.Diagnostics;
using System.Text;

namespace VerifyGate.Benchmarks;

/// <summary>Runs a child process to completion and times it (start to exit, wall clock).</summary>
public static class ProcessRunner
{
    /// <summary>Seconds the process took and its output (stdout and stderr); throws with the end of the
    /// output when it exits with another code, and <see cref="TimeoutException"/> (after killing the process
    /// tree) when it runs longer than <paramref name="timeout"/>.</summary>
    public static (double Seconds, string Output) Time(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int expectedExitCode = 0, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        string text;
        lock (output) text = output.ToString();
        if (!exited)
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} killed after {seconds:0} s:\n{text[Math.Max(0, text.Length - 3000)..]}");
        if (process.ExitCode != expectedExitCode)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{text[Math.Max(0, text.Length - 3000)..]}");
        }
        return (seconds, text);
    }
}
