using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>Small random dense ReLU networks and boxes for oracle-based tests, deterministic per seed.</summary>
public static class RandomNetworks
{
    /// <summary>Dense layers inputs → hidden[0] → … → outputs with ReLU after every hidden layer.
    /// Weights ~ N(0, 1/fan-in); biases ~ N(0, 0.5²) so that breakpoints fall inside boxes around the origin.</summary>
    public static Network Create(int seed, int inputs, int[] hiddenLayers, int outputs)
    {
        var rng = new Random(seed);
        var builder = new NetworkBuilder(inputs);
        int current = builder.Input;
        int width = inputs;
        foreach (int size in hiddenLayers)
        {
            current = builder.Relu(RandomDense(rng, builder, current, width, size));
            width = size;
        }
        current = RandomDense(rng, builder, current, width, outputs);
        return builder.Build(current);
    }

    private static int RandomDense(Random rng, NetworkBuilder builder, int source, int fanIn, int size)
    {
        var w = new double[size, fanIn];
        var b = new double[size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < fanIn; c++) w[r, c] = Gaussian(rng) / Math.Sqrt(fanIn);
            b[r] = 0.5 * Gaussian(rng);
        }
        return builder.Dense(source, w, b);
    }

    /// <summary>The oracle tests' small case of a seed: 2-4 inputs, one of four hidden shapes, 1-3 outputs, and
    /// its box (every fifth seed with one fixed input).</summary>
    public static (Network Network, double[] Lo, double[] Hi) OracleCase(int seed)
    {
        int inputs = 2 + seed % 3;
        int[] hidden = (seed % 4) switch { 0 => [8], 1 => [6, 6], 2 => [10, 10], _ => [5, 5, 5] };
        var (lo, hi) = CreateBox(seed, inputs, fixedInputs: seed % 5 == 4 ? 1 : 0);
        return (Create(seed, inputs, hidden, 1 + seed % 3), lo, hi);
    }

    /// <summary>A box around a random centre in [−1, 1]^n with half-widths in [0.3, 1.5]; the first
    /// <paramref name="fixedInputs"/> inputs (in a random order) get lo = hi.</summary>
    public static (double[] Lo, double[] Hi) CreateBox(int seed, int inputs, int fixedInputs = 0)
    {
        var rng = new Random(seed * 7919 + 13);
        var lo = new double[inputs];
        var hi = new double[inputs];
        var order = Enumerable.Range(0, inputs).OrderBy(_ => rng.Next()).ToArray();
        var isFixed = new bool[inputs];
        for (int k = 0; k < Math.Min(fixedInputs, inputs); k++) isFixed[order[k]] = true;
        for (int i = 0; i < inputs; i++)
        {
            double centre = rng.NextDouble() * 2 - 1;
            double half = isFixed[i] ? 0.0 : 0.3 + 1.2 * rng.NextDouble();
            lo[i] = centre - half;
            hi[i] = centre + half;
        }
        return (lo, hi);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
