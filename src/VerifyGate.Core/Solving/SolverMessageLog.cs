namespace VerifyGate.Core.Solving;

/// <summary>The solver messages of one engine run, from all its (parallel) solves, for the result's notes:
/// distinct, in the order first seen, at most <see cref="MaximumNotes"/>.</summary>
public sealed class SolverMessageLog
{
    private const int MaximumNotes = 20;
    private readonly List<string> _notes = [];

    public void Add(IEnumerable<string> messages)
    {
        lock (_notes)
            foreach (string message in messages)
                if (_notes.Count < MaximumNotes && !_notes.Contains(message)) _notes.Add(message);
    }

    public IReadOnlyList<string> Notes { get { lock (_notes) return _notes.ToArray(); } }
}
