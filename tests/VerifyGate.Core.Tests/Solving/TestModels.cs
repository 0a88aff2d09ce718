using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

/// <summary>Small models with known answers for the solver tests.</summary>
internal static class TestModels
{
    public static (int[] Values, int[] Weights, int Capacity) RandomKnapsack(int n, int seed)
    {
        var random = new Random(seed);
        var values = new int[n];
        var weights = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.Next(10, 100);
            weights[i] = random.Next(5, 60);
        }
        return (values, weights, weights.Sum() / 2);
    }

    /// <summary>The 0/1 knapsack optimum by dynamic programming.</summary>
    public static int KnapsackOptimum(int[] values, int[] weights, int capacity)
    {
        var best = new int[capacity + 1];
        for (int i = 0; i < values.Length; i++)
            for (int c = capacity; c >= weights[i]; c--)
                best[c] = Math.Max(best[c], best[c - weights[i]] + values[i]);
        return best[capacity];
    }

    public static MipModel Knapsack(int[] values, int[] weights, int capacity, double offset = 0)
    {
        var model = new MipModel();
        var objective = new Expr { Constant = offset };
        var weight = new Expr();
        for (int i = 0; i < values.Length; i++)
        {
            var x = model.AddBinary($"x{i}");
            objective.Add(x, values[i]);
            weight.Add(x, weights[i]);
        }
        model.AddConstraint(double.NegativeInfinity, weight, capacity, "capacity");
        model.SetMaximize(objective);
        return model;
    }

    /// <summary>A multi-dimensional knapsack with profits correlated to weights: SCIP needs
    /// several seconds for n = 60, m = 5, so it is the "hard" problem of the limit tests.</summary>
    public static MipModel HardKnapsack(int n = 60, int m = 5, int seed = 1, bool relax = false)
    {
        var random = new Random(seed);
        var weights = new int[m, n];
        for (int k = 0; k < m; k++)
            for (int i = 0; i < n; i++)
                weights[k, i] = random.Next(5, 60);
        var model = new MipModel();
        var x = new Var[n];
        for (int i = 0; i < n; i++) x[i] = relax ? model.AddContinuous(0, 1) : model.AddBinary();
        for (int k = 0; k < m; k++)
        {
            var row = new Expr();
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                row.Add(x[i], weights[k, i]);
                total += weights[k, i];
            }
            model.AddConstraint(double.NegativeInfinity, row, Math.Floor(total / 2));
        }
        var objective = new Expr();
        for (int i = 0; i < n; i++)
        {
            double mean = 0;
            for (int k = 0; k < m; k++) mean += weights[k, i];
            objective.Add(x[i], mean / m + random.Next(0, 5));
        }
        model.SetMaximize(objective);
        return model;
    }

    /// <summary>max x² + y² s.t. x² + y² &lt;= 1.5, |x|, |y| &lt;= 2, x &lt;= 2b with a binary b:
    /// a non-convex MIQCQP with optimum 1.5.</summary>
    public static MipModel NonConvexDisc()
    {
        var model = new MipModel();
        var x = model.AddContinuous(-2, 2, "x");
        var y = model.AddContinuous(-2, 2, "y");
        var b = model.AddBinary("b");
        model.AddConstraint(double.NegativeInfinity, new Expr().AddSquare(x).AddSquare(y), 1.5);
        model.AddConstraint(double.NegativeInfinity, new Expr().Add(x).Add(b, -2), 0);
        model.SetMaximize(new Expr().AddSquare(x).AddSquare(y));
        return model;
    }
}
