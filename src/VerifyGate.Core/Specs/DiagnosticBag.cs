namespace VerifyGate.Core.Specs;

/// <summary>Collects the diagnostics of one property file. Repeats are dropped: a bad value in
/// <c>defaults</c> is read once per property that inherits it but reported once.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];

    public string File { get; } = file;

    /// <summary>Errors reported so far, repeats included, so a reader can tell whether its own part failed.</summary>
    public int ErrorCount { get; private set; }

    public void Error(SourcePosition at, string code, string message)
    {
        ErrorCount++;
        Add(new Diagnostic(File, at.Line, at.Column, code, message));
    }

    public void Warning(SourcePosition at, string code, string message) =>
        Add(new Diagnostic(File, at.Line, at.Column, code, message, IsWarning: true));

    private void Add(Diagnostic diagnostic)
    {
        if (_seen.Add(diagnostic)) _items.Add(diagnostic);
    }

    public IReadOnlyList<Diagnostic> ToList() =>
        _items.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();
}
