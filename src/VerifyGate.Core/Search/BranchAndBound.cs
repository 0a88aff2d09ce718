using System.Diagnostics;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Search;

/// <summary>The one branch-and-bound search every property kind uses (architecture.md, "Branch and bound").
/// Accepts: a root node, a domain that bounds and splits nodes of a maximisation, a goal and a time limit.
/// Method: best-first on the certified upper bound: the open node with the largest bound is bounded (if it
/// was not yet) or split, by <see cref="SearchOptions.Workers"/> workers at once; children inherit their
/// parent's bound. It stops when the goal is reached, every node is finished, the time is spent or the
/// search is cancelled, and reports its anytime interval as it goes.
/// Soundness: the nodes open, in work and finished always cover the root, and each node's bound is the
/// smallest bound certified for it or an ancestor, so the largest of them bounds the quantity over the
/// root; the lower bound is only ever a witness a node confirmed (a point of a node is a point of the root).</summary>
public sealed class BranchAndBound<TNode>(ISearchDomain<TNode> domain, SearchOptions? options = null)
{
    private readonly SearchOptions _options = options ?? new SearchOptions();

    private sealed record Entry(TNode Node, int Depth, double Upper, bool Bounded);

    /// <param name="root">The whole domain; <paramref name="rootBounds"/>, when given, was certified for it
    /// already (it caps every node, and its witness is kept unless a better one turns up).</param>
    public SearchResult Run(TNode root, NodeResult? rootBounds, SearchGoal goal, double timeLimitSeconds,
        IProgress<SearchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var run = new SearchRun(this, goal, timeLimitSeconds, progress, cancellation);
        return run.Execute(new Entry(root, 0, rootBounds?.Upper ?? double.PositiveInfinity, rootBounds is not null), rootBounds);
    }

    /// <summary>The state of one search, shared by its workers under one lock.</summary>
    private sealed class SearchRun(BranchAndBound<TNode> search, SearchGoal goal, double timeLimitSeconds,
        IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        private readonly object _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly PriorityQueue<Entry, double> _open = new();
        private readonly List<double> _inWork = [];
        private readonly List<string> _notes = [];
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        private double _finishedUpper = double.NegativeInfinity;
        private double? _lower;
        private Witness? _witness;
        private bool _stopped, _timedOut;
        private int _bounded;
        private Exception? _failure;

        private SearchOptions Options => search._options;

        public SearchResult Execute(Entry root, NodeResult? rootBounds)
        {
            if (rootBounds is not null) Absorb(rootBounds);
            _open.Enqueue(root, -root.Upper);
            var workers = Enumerable.Range(0, Math.Max(1, Options.Workers))
                .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            Task.WaitAll(workers);
            _stop.Dispose();
            if (_failure is not null) throw _failure;
            double upper = GlobalUpper();
            bool reached = goal.Reached(_lower, upper);
            return new SearchResult(_lower, upper, _witness, reached, _timedOut && !reached, cancellation.IsCancellationRequested,
                _bounded, _open.Count, _clock.Elapsed, _notes);
        }

        private void Work()
        {
            try
            {
                while (Next() is { } entry) Process(entry);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                    Stop();
                }
            }
        }

        /// <summary>The best open node, marked as in work; null when the search is over.</summary>
        private Entry? Next()
        {
            lock (_gate)
            {
                while (true)
                {
                    if (_stopped) return null;
                    double remaining = timeLimitSeconds - _clock.Elapsed.TotalSeconds;
                    if (cancellation.IsCancellationRequested || remaining < Options.MinimumRemainingSeconds)
                    {
                        _timedOut = true;
                        Stop();
                        return null;
                    }
                    if (goal.Reached(_lower, GlobalUpper())) { Stop(); return null; }
                    if (_open.TryDequeue(out var entry, out _))
                    {
                        _inWork.Add(entry.Upper);
                        return entry;
                    }
                    if (_inWork.Count == 0) { Stop(); return null; }  // every node is finished
                    Monitor.Wait(_gate, 50);  // other workers may still split theirs
                }
            }
        }

        private void Process(Entry entry)
        {
            if (entry.Bounded || entry.Depth < Options.SplitWithoutBoundingBelowDepth)
            {
                var children = entry.Depth < Options.MaximumDepth ? search.Split(entry) : null;
                if (children is null && !entry.Bounded)
                {
                    Bound(entry);  // split early but cannot be: it still needs its own bound
                    return;
                }
                lock (_gate)
                {
                    _inWork.Remove(entry.Upper);
                    if (children is null) _finishedUpper = Math.Max(_finishedUpper, entry.Upper);
                    else foreach (var child in children) _open.Enqueue(child, -child.Upper);
                    Changed();
                }
                return;
            }
            Bound(entry);
        }

        private void Bound(Entry entry)
        {
            double remaining = timeLimitSeconds - _clock.Elapsed.TotalSeconds;
            var result = search.Bound(entry, remaining, _stop.Token);
            lock (_gate)
            {
                _inWork.Remove(entry.Upper);
                _bounded++;
                Absorb(result);
                double upper = Math.Min(entry.Upper, result.Upper);
                if (result.Final || goal.NodeSettled(_lower, upper)) _finishedUpper = Math.Max(_finishedUpper, upper);
                else _open.Enqueue(entry with { Upper = upper, Bounded = true }, -upper);
                Changed();
            }
        }

        private void Absorb(NodeResult result)
        {
            if (result.Witness is not null && result.Lower is double lower && !(_lower >= lower))
            {
                _lower = lower;
                _witness = result.Witness;
            }
            foreach (string note in result.Notes)
                if (_notes.Count < Options.MaximumNotes && !_notes.Contains(note)) _notes.Add(note);
        }

        private double GlobalUpper()
        {
            double upper = _finishedUpper;
            if (_open.TryPeek(out var top, out _)) upper = Math.Max(upper, top.Upper);
            foreach (double working in _inWork) upper = Math.Max(upper, working);
            return upper;
        }

        private void Changed()
        {
            Monitor.PulseAll(_gate);
            progress?.Report(new SearchProgress(_clock.Elapsed, _lower, GlobalUpper(), _open.Count + _inWork.Count));
        }

        private void Stop()
        {
            _stopped = true;
            _stop.Cancel();
            Monitor.PulseAll(_gate);
        }
    }

    private IEnumerable<Entry>? Split(Entry entry) =>
        domain.Split(entry.Node, entry.Depth)?.Select(child => new Entry(child, entry.Depth + 1, entry.Upper, Bounded: false)).ToList();

    private NodeResult Bound(Entry entry, double remainingSeconds, CancellationToken cancellation) =>
        domain.Bound(entry.Node, entry.Depth, remainingSeconds, cancellation);
}
