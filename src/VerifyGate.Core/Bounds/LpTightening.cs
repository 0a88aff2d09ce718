using System.Diagnostics;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>LP-tightened pre-activation bounds. After a plain symbolic pass, in topological order
/// each node is bounded symbolically again from the (already tightened) bounds before it; then, for
/// an affine node that feeds an activation, each unstable neuron z_j is minimised and maximised over
/// the LP relaxation of the network before the node (<see cref="LpRelaxation"/>) and the results are
/// intersected in. Stable neurons are decided already and get no LP. The relaxation is built once
/// per layer and GLOP only changes the objective per neuron. Each bound comes from the LP's dual
/// multipliers (<see cref="DualBound"/>), so it is sound whatever the solver's tolerances.</summary>
public static class LpTightening
{
    public static LpTighteningResult Run(Network network, double[] lower, double[] upper, LpTighteningOptions? options = null)
    {
        options ??= LpTighteningOptions.Default;
        if (options.Threads < 1) throw new ArgumentException($"Threads must be at least 1, got {options.Threads}");
        if (!(options.TimeBudgetSeconds >= 0)) throw new ArgumentException($"TimeBudgetSeconds must be >= 0, got {options.TimeBudgetSeconds}");
        BoundPropagation.ValidateInputs(network, lower, upper);

        var clock = Stopwatch.StartNew();
        var bounds = new NetworkBounds(network, lower, upper, BoundMethod.LpTightened);
        var feedsActivation = new bool[network.Nodes.Count];
        foreach (var activation in network.Activations) feedsActivation[activation.Source] = true;

        // A first symbolic pass makes the result never looser than plain symbolic bounds: the second
        // pass recomputes each node from tightened earlier bounds, but back-substitution is not
        // monotone in those bounds (CROWN's adaptive lower slopes), so it only intersects.
        for (int node = 1; node < network.Nodes.Count; node++)
            BoundPropagation.BoundNode(bounds, node, BoundMethod.Symbolic);

        int solved = 0, failed = 0, skipped = 0;
        for (int node = 1; node < network.Nodes.Count; node++)
        {
            BoundPropagation.BoundNode(bounds, node, BoundMethod.Symbolic);
            // Interval bounds of an affine map of the box alone are already exact.
            if (!feedsActivation[node] || network.Nodes[node] is not AffineNode affine
                || BoundPropagation.ReadsOnlyInput(network, affine)) continue;
            var unstable = Enumerable.Range(0, network.Nodes[node].Size)
                .Where(j => NetworkBounds.Classify(bounds.Lower(node, j), bounds.Upper(node, j)) == NeuronState.Unstable)
                .ToArray();
            if (unstable.Length == 0) continue;
            if (clock.Elapsed.TotalSeconds >= options.TimeBudgetSeconds)
            {
                skipped += unstable.Length;
                continue;
            }
            var layer = TightenLayer(bounds, node, unstable, options, clock);
            solved += layer.Solved;
            failed += layer.Failed;
            skipped += layer.Skipped;
        }
        return new LpTighteningResult(bounds, solved, failed, skipped, clock.Elapsed);
    }

    private static (int Solved, int Failed, int Skipped) TightenLayer(
        NetworkBounds bounds, int node, int[] unstable, LpTighteningOptions options, Stopwatch clock)
    {
        var lp = LpRelaxation.Build(bounds, node);
        var lower = bounds.Lower(node);
        var upper = bounds.Upper(node);
        // Tasks 0..n-1 minimise neuron unstable[k], tasks n..2n-1 maximise it: consecutive LPs of one
        // direction start from a closer basis than alternating min and max.
        int n = unstable.Length;
        var done = new bool[2 * n];
        int next = -1;
        int threads = Math.Min(options.Threads, n);
        var counts = new (int Solved, int Failed)[threads];

        void Work(int thread)
        {
            using var solver = new GlopRelaxationSolver(lp);
            int task;
            while ((task = Interlocked.Increment(ref next)) < 2 * n)
            {
                double remaining = options.TimeBudgetSeconds - clock.Elapsed.TotalSeconds;
                if (remaining <= 0) break;
                int j = unstable[task % n];
                var (c, constant) = lp.TargetRow(j);
                // Each task writes only its own neuron's entry of one side.
                if (task < n)
                {
                    if (solver.Minimise(c, constant, remaining) is { } min) lower[j] = Math.Max(lower[j], min);
                }
                else
                {
                    for (int i = 0; i < c.Length; i++) c[i] = -c[i];
                    if (solver.Minimise(c, -constant, remaining) is { } negatedMax) upper[j] = Math.Min(upper[j], -negatedMax);
                }
                done[task] = true;
            }
            counts[thread] = (solver.Solved, solver.Failed);
        }

        if (threads == 1)
            Work(0);
        else
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Work);

        bounds.Tighten(node, lower, upper);
        int skipped = Enumerable.Range(0, n).Count(k => !done[k] || !done[n + k]);
        return (counts.Sum(c => c.Solved), counts.Sum(c => c.Failed), skipped);
    }
}
