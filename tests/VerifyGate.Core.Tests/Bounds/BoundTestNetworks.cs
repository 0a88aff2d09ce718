using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>Random networks of the shapes the bound engine must handle.</summary>
internal static class BoundTestNetworks
{
    /// <summary>The random-network families the bound tests run on, three seeds each.</summary>
    public static TheoryData<string, int> RandomCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "relu", "leaky", "residual", "residual-leaky" })
            for (int seed = 1; seed <= 3; seed++)
                data.Add(kind, seed);
        return data;
    }

    public static Network RandomNetwork(string kind, Random rng) => kind switch
    {
        "relu" => Mlp(rng, 4, [8, 8, 6], 3),
        "leaky" => Mlp(rng, 3, [7, 7, 7], 2, slope: 0.1),
        "residual" => Residual(rng, 5, 6),
        "residual-leaky" => Residual(rng, 4, 6, slope: 0.2),
        _ => throw new ArgumentException(kind),
    };

    public static double[,] RandomMatrix(Random rng, int rows, int columns, double scale = 1.0)
    {
        var w = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                w[r, c] = (rng.NextDouble() * 2 - 1) * scale;
        return w;
    }

    public static double[] RandomVector(Random rng, int size, double scale = 0.5) =>
        Enumerable.Range(0, size).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray();

    /// <summary>A plain feed-forward network with the given activation slope (0 = ReLU).</summary>
    public static Network Mlp(Random rng, int inputs, int[] hidden, int outputs, double slope = 0.0)
    {
        var b = new NetworkBuilder(inputs);
        int current = b.Input, width = inputs;
        foreach (int h in hidden)
        {
            int z = b.Dense(current, RandomMatrix(rng, h, width, 1.5 / Math.Sqrt(width)), RandomVector(rng, h));
            current = b.LeakyRelu(z, slope);
            width = h;
        }
        return b.Build(b.Dense(current, RandomMatrix(rng, outputs, width), RandomVector(rng, outputs)));
    }

    /// <summary>A DAG with a residual sum (an activation read twice) and an affine node with two
    /// sources (the input and a hidden layer).</summary>
    public static Network Residual(Random rng, int inputs, int width, double slope = 0.0)
    {
        var b = new NetworkBuilder(inputs);
        int z1 = b.Dense(b.Input, RandomMatrix(rng, width, inputs), RandomVector(rng, width));
        int r1 = b.LeakyRelu(z1, slope);
        int z2 = b.Dense(r1, RandomMatrix(rng, width, width, 1.2 / Math.Sqrt(width)), RandomVector(rng, width));
        int r2 = b.LeakyRelu(z2, slope);
        int sum = b.Add(r1, r2);
        int z3 = b.Affine(
            [new AffineTerm(sum, SparseMatrix.FromDense(RandomMatrix(rng, width, width, 1.0 / Math.Sqrt(width)))),
             new AffineTerm(b.Input, SparseMatrix.FromDense(RandomMatrix(rng, width, inputs)))],
            RandomVector(rng, width));
        int r3 = b.LeakyRelu(z3, slope);
        int z4 = b.Affine(
            [new AffineTerm(r3, SparseMatrix.FromDense(RandomMatrix(rng, 2, width))),
             new AffineTerm(r1, SparseMatrix.FromDense(RandomMatrix(rng, 2, width)))],
            RandomVector(rng, 2));
        return b.Build(z4);
    }

    public static (double[] Lower, double[] Upper) RandomBox(Random rng, int size, double maxWidth = 1.0)
    {
        var lower = new double[size];
        var upper = new double[size];
        for (int i = 0; i < size; i++)
        {
            lower[i] = rng.NextDouble() * 2 - 1;
            upper[i] = lower[i] + rng.NextDouble() * maxWidth;
        }
        return (lower, upper);
    }
}
