using System.Diagnostics;
using VerifyGate.Core.Checking;

namespace VerifyGate.Cli;

/// <summary>Live progress of long solves on a terminal's stderr: one line rewritten with '\r'
/// (elapsed time, property, certified bounds so far). Silent for the first second of a property and
/// at most a few updates per second; <see cref="Clear"/> erases the line before results are printed.</summary>
public sealed class ProgressLine(TextWriter terminal) : IProgress<CheckProgress>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromMilliseconds(200);
    private readonly object _gate = new();
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private int _width;
    private string? _property;

    public void Report(CheckProgress value)
    {
        lock (_gate)
        {
            if (_property != value.File + "\n" + value.Property)
            {
                _property = value.File + "\n" + value.Property;
                Clear();
            }
            if (value.Elapsed < Delay) return;
            if (_width > 0 && _sinceDraw.Elapsed < Interval) return;
            string text = $"{ResultText.Seconds(value.Elapsed.TotalSeconds),8}  {DisplayPath.Of(value.File)}: {value.Property}  certified {ResultText.Bounds(value.Lower, value.Upper)}";
            if (text.Length > 118) text = text[..117] + "…";
            terminal.Write("\r" + text.PadRight(_width));
            terminal.Flush();
            _width = text.Length;
            _sinceDraw.Restart();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            if (_width == 0) return;
            terminal.Write("\r" + new string(' ', _width) + "\r");
            terminal.Flush();
            _width = 0;
        }
    }
}
