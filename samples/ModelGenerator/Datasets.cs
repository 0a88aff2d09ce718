namespace VerifyGate.Samples;

/// <summary>Simulated training data, from polynomial rules only (bit-for-bit reproducible).</summary>
public static class Datasets
{
    /// <summary>One explicit Euler step (h = 0.1) of the Van der Pol oscillator x'' = μ(1 − x²)x' − x with μ = 1,
    /// on states (x, v) drawn from [−2, 2]².</summary>
    public static (double[][] Inputs, double[][] Targets) VanDerPolStep(int count, Random random)
    {
        const double h = 0.1, mu = 1.0;
        var inputs = new double[count][];
        var targets = new double[count][];
        for (int s = 0; s < count; s++)
        {
            double x = 4 * random.NextDouble() - 2, v = 4 * random.NextDouble() - 2;
            inputs[s] = [x, v];
            targets[s] = [x + h * v, v + h * (mu * (1 - x * x) * v - x)];
        }
        return (inputs, targets);
    }

    /// <summary>A bang-off-bang controller for a cart-pole-like state (position, velocity, angle, angular
    /// velocity) in [−1, 1]⁴: push left, hold or push right by the sign of a linear feedback u = −k·s with a
    /// dead band |u| ≤ 0.5. Targets are one-hot scores of the three actions.</summary>
    public static (double[][] Inputs, double[][] Targets) Controller(int count, Random random)
    {
        double[] gain = [1.0, 0.5, 2.0, 0.8];
        var inputs = new double[count][];
        var targets = new double[count][];
        for (int s = 0; s < count; s++)
        {
            var state = new double[4];
            double u = 0;
            for (int i = 0; i < 4; i++)
            {
                state[i] = 2 * random.NextDouble() - 1;
                u -= gain[i] * state[i];
            }
            int action = u < -0.5 ? 0 : u > 0.5 ? 2 : 1;
            inputs[s] = state;
            targets[s] = [action == 0 ? 1 : 0, action == 1 ? 1 : 0, action == 2 ? 1 : 0];
        }
        return (inputs, targets);
    }

    /// <summary>Grey-level 6×6 images (36 inputs in [0, 1], row by row) of three classes: a horizontal bar (a whole
    /// row), a vertical bar (a whole column) and a diagonal (the main or the anti-diagonal, or one of their neighbours
    /// beside them). Bar pixels are 0.6 to 1, the background 0 to 0.4, all drawn uniformly. Targets are one-hot scores
    /// of the three classes.</summary>
    public static (double[][] Inputs, double[][] Targets) Bars(int count, Random random)
    {
        const int n = 6;
        var inputs = new double[count][];
        var targets = new double[count][];
        for (int s = 0; s < count; s++)
        {
            int label = random.Next(3);
            int position = label < 2 ? random.Next(n) : random.Next(3) - 1;
            bool anti = label == 2 && random.Next(2) == 1;
            var image = new double[n * n];
            for (int row = 0; row < n; row++)
                for (int col = 0; col < n; col++)
                {
                    bool bar = label switch
                    {
                        0 => row == position,
                        1 => col == position,
                        _ => (anti ? row + col - (n - 1) : col - row) == position,
                    };
                    double noise = 0.4 * random.NextDouble();
                    image[row * n + col] = bar ? 1 - noise : noise;
                }
            inputs[s] = image;
            targets[s] = [label == 0 ? 1 : 0, label == 1 ? 1 : 0, label == 2 ? 1 : 0];
        }
        return (inputs, targets);
    }
}
