using System.Diagnostics;
using VerifyGate.Core.Checking;

namespace VerifyGate.Cli;

/// <summary>Live progress of long solves on a terminal's stderr: one line rewritten with '\r' showing the
/// elapsed time, the property and the certified bounds so far. A timer keeps the clock moving between
/// the engine's reports. Nothing is drawn during a property's first second; the line is erased when the
/// property finishes, so result lines are never mixed with it.</summary>
public sealed class ProgressLine : IProgress<CheckProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter _terminal;
    private readonly object _gate = new();
    private readonly Stopwatch _sinceReport = new();
    private readonly Timer _timer;
    private CheckProgress? _current;
    private int _width;

    public ProgressLine(TextWriter terminal)
    {
        _terminal = terminal;
        _timer = new Timer(_ => Draw(), null, Interval, Interval);
    }

    public void Report(CheckProgress value)
    {
        lock (_gate)
        {
            if (value.Finished)
            {
                _current = null;
                Clear();
                return;
            }
            _current = value;
            _sinceReport.Restart();
        }
    }

    /// <summary>Redraws the line now (the timer calls it every 250 ms).</summary>
    public void Draw()
    {
        lock (_gate)
        {
            if (_current is not { } p) return;
            var elapsed = p.Elapsed + _sinceReport.Elapsed;
            if (elapsed < Delay) return;
            string text = $"{ResultText.Seconds(elapsed.TotalSeconds),8}  {DisplayPath.Of(p.File)}: {p.Property}  certified {ResultText.Bounds(p.Lower, p.Upper)}{(p.OpenNodes is int open ? $", {open} open" : "")}";
            if (text.Length > 118) text = text[..117] + "…";
            _terminal.Write("\r" + text.PadRight(_width));
            _terminal.Flush();
            _width = text.Length;
        }
    }

    /// <summary>Erases the line (before results are printed).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_width == 0) return;
            _terminal.Write("\r" + new string(' ', _width) + "\r");
            _terminal.Flush();
            _width = 0;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _current = null;
            Clear();
        }
    }
}
