using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>Looks for the input of a box with the smallest margin: random points and the box's corners along the
/// margin's gradient, then signed-gradient descent from the best few (projected onto the box, step halving as in
/// PGD). Each point it reaches is offered to <see cref="MarginWitnesses"/>, which alone decides what counts. Cheap, and
/// no proof: a property it finds no counterexample for is left to the bounds.</summary>
internal static class MarginAttack
{
    public static void Run(Network network, OutputCondition condition, double[] low, double[] high, MarginWitnesses witnesses,
        int seed, TimeSpan budget, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + budget;
        var random = new Random(seed);
        int n = low.Length;
        var starts = new List<(double Margin, double[] X)>();
        for (int s = 0; s < RandomStarts && DateTime.UtcNow < deadline; s++)
        {
            var x = new double[n];
            for (int i = 0; i < n; i++) x[i] = low[i] + random.NextDouble() * (high[i] - low[i]);
            starts.Add((witnesses.Offer(x), x));
        }
        foreach (var (_, start) in starts.OrderBy(s => s.Margin).Take(Descents).ToArray())
        {
            var x = (double[])start.Clone();
            double step = 0.25;
            for (int iteration = 0; iteration < Iterations && step > 1e-6; iteration++)
            {
                if (cancellation.IsCancellationRequested || DateTime.UtcNow > deadline) return;
                var direction = Descent(network, condition, x);
                if (direction is null) break;
                var next = new double[n];
                for (int i = 0; i < n; i++)
                    next[i] = Math.Clamp(x[i] - step * (high[i] - low[i]) * Math.Sign(direction[i]), low[i], high[i]);
                double before = condition.Margin(network.Evaluate(x)), after = witnesses.Offer(next);
                if (after < before) x = next;
                else step /= 2;
            }
        }
    }

    /// <summary>The gradient of the margin's active atom (the smallest clause's largest slack) at x.</summary>
    public static double[]? Descent(Network network, OutputCondition condition, double[] x)
    {
        var values = network.EvaluateAll(x);
        var y = values[network.OutputIndex];
        OutputAtom? active = null;
        double worst = double.PositiveInfinity;
        foreach (var clause in condition.Clauses)
        {
            double margin = clause.Margin(y);
            if (margin < worst)
            {
                worst = margin;
                active = clause.Atoms.MaxBy(a => a.Slack(y));
            }
        }
        if (active is null) return null;
        // slack = b − c·y, so its gradient is −cᵀ J.
        return MarginGradient.At(network, values, active.Coefficients.Select(c => -c).ToArray());
    }

    /// <summary>The box's corner where the active atom's slack, linearised at x, is smallest.</summary>
    public static double[]? Corner(Network network, OutputCondition condition, double[] x, double[] low, double[] high)
    {
        var direction = Descent(network, condition, x);
        if (direction is null) return null;
        return direction.Select((d, i) => d > 0 ? low[i] : d < 0 ? high[i] : x[i]).ToArray();
    }

    private const int RandomStarts = 64, Descents = 4, Iterations = 40;
}
