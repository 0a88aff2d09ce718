using System.Text;

namespace VerifyGate.Core.Solving;

/// <summary>Collects the solver's error messages printed on this thread while a solve runs (see
/// <see cref="ScipErrorPrinting"/>). They end up in the result's notes; they reach stderr only with
/// VERIFYGATE_SOLVER_LOG=1, or when no solve of ours is running on the printing thread.</summary>
internal sealed class SolverMessageCapture : IDisposable
{
    [ThreadStatic] private static SolverMessageCapture? _current;

    private readonly SolverMessageCapture? _outer;
    private readonly StringBuilder _pending = new();
    private readonly List<string> _lines = [];

    private SolverMessageCapture()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>VERIFYGATE_SOLVER_LOG=1 shows the solver's own output, errors included, on the console.</summary>
    public static bool EchoToConsole { get; } = Environment.GetEnvironmentVariable("VERIFYGATE_SOLVER_LOG") == "1";

    /// <summary>Starts capturing on the calling thread; dispose on the same thread.</summary>
    public static SolverMessageCapture Begin()
    {
        ScipErrorPrinting.EnsureInstalled();
        return new SolverMessageCapture();
    }

    /// <summary>Complete lines captured so far (a last line without its newline included).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _pending.Length == 0 ? _lines.ToArray() : [.. _lines, _pending.ToString()];
        }
    }

    public static void Receive(string text)
    {
        if (EchoToConsole || _current is null) Console.Error.Write(text);
        _current?.Append(text);
    }

    private void Append(string text)
    {
        lock (_lines)
            foreach (char c in text)
            {
                if (c == '\n')
                {
                    if (_pending.Length > 0) _lines.Add(_pending.ToString().TrimEnd('\r'));
                    _pending.Clear();
                }
                else _pending.Append(c);
            }
    }

    public void Dispose()
    {
        if (_current == this) _current = _outer;
    }
}
