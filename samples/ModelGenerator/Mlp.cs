namespace VerifyGate.Samples;

/// <summary>A fully connected ReLU network trained with plain mini-batch SGD on the squared error.
/// Deterministic by construction: a seeded <see cref="Random"/>, sequential loops (no parallelism, no
/// vectorised sums) and only +, −, ×, ÷ and square roots, which IEEE 754 rounds the same everywhere.</summary>
public sealed class Mlp
{
    /// <summary>Weights of layer k as [output, input] (ONNX Gemm with transB = 1), and biases.</summary>
    public double[][,] Weights { get; }
    public double[][] Biases { get; }

    private Mlp(double[][,] weights, double[][] biases)
    {
        Weights = weights;
        Biases = biases;
    }

    public int InputSize => Weights[0].GetLength(1);
    public int OutputSize => Weights[^1].GetLength(0);

    /// <summary>He-uniform weights (limit sqrt(6 / fan-in)), zero biases.</summary>
    public static Mlp Create(int[] sizes, Random random)
    {
        var weights = new double[sizes.Length - 1][,];
        var biases = new double[sizes.Length - 1][];
        for (int k = 0; k + 1 < sizes.Length; k++)
        {
            double limit = Math.Sqrt(6.0 / sizes[k]);
            weights[k] = new double[sizes[k + 1], sizes[k]];
            for (int o = 0; o < sizes[k + 1]; o++)
                for (int i = 0; i < sizes[k]; i++)
                    weights[k][o, i] = (2 * random.NextDouble() - 1) * limit;
            biases[k] = new double[sizes[k + 1]];
        }
        return new Mlp(weights, biases);
    }

    /// <summary>The output; <paramref name="layers"/> receives each layer's output (ReLU applied except on the last).</summary>
    public double[] Forward(double[] x, List<double[]>? layers = null)
    {
        layers?.Add(x);
        for (int k = 0; k < Weights.Length; k++)
        {
            var w = Weights[k];
            var next = new double[w.GetLength(0)];
            for (int o = 0; o < next.Length; o++)
            {
                double sum = Biases[k][o];
                for (int i = 0; i < x.Length; i++) sum += w[o, i] * x[i];
                next[o] = k + 1 < Weights.Length && sum < 0 ? 0 : sum;
            }
            layers?.Add(next);
            x = next;
        }
        return x;
    }

    /// <summary>Mini-batch SGD on 0.5 ‖f(x) − t‖²; returns the mean squared error after the last epoch.</summary>
    public double Train(double[][] inputs, double[][] targets, int epochs, int batchSize, double learningRate, Random random)
    {
        int n = inputs.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var gradW = Weights.Select(w => new double[w.GetLength(0), w.GetLength(1)]).ToArray();
        var gradB = Biases.Select(b => new double[b.Length]).ToArray();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = n - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (int start = 0; start < n; start += batchSize)
            {
                int end = Math.Min(n, start + batchSize);
                foreach (var g in gradW) Array.Clear(g);
                foreach (var g in gradB) Array.Clear(g);
                for (int s = start; s < end; s++) Accumulate(inputs[order[s]], targets[order[s]], gradW, gradB);
                double step = learningRate / (end - start);
                for (int k = 0; k < Weights.Length; k++)
                {
                    var w = Weights[k];
                    for (int o = 0; o < w.GetLength(0); o++)
                    {
                        Biases[k][o] -= step * gradB[k][o];
                        for (int i = 0; i < w.GetLength(1); i++) w[o, i] -= step * gradW[k][o, i];
                    }
                }
            }
        }
        return MeanSquaredError(inputs, targets);
    }

    public double MeanSquaredError(double[][] inputs, double[][] targets)
    {
        double total = 0;
        for (int s = 0; s < inputs.Length; s++)
        {
            var y = Forward(inputs[s]);
            for (int o = 0; o < y.Length; o++) total += (y[o] - targets[s][o]) * (y[o] - targets[s][o]);
        }
        return total / inputs.Length;
    }

    /// <summary>The share of inputs whose largest output is the target's largest (the first of equals).</summary>
    public double Accuracy(double[][] inputs, double[][] targets)
    {
        int correct = 0;
        for (int s = 0; s < inputs.Length; s++)
            if (ArgMax(Forward(inputs[s])) == ArgMax(targets[s])) correct++;
        return (double)correct / inputs.Length;
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private void Accumulate(double[] x, double[] target, double[][,] gradW, double[][] gradB)
    {
        var layers = new List<double[]>();
        var y = Forward(x, layers);
        var delta = new double[y.Length];
        for (int o = 0; o < y.Length; o++) delta[o] = y[o] - target[o];
        for (int k = Weights.Length - 1; k >= 0; k--)
        {
            var input = layers[k];
            var w = Weights[k];
            for (int o = 0; o < delta.Length; o++)
            {
                gradB[k][o] += delta[o];
                for (int i = 0; i < input.Length; i++) gradW[k][o, i] += delta[o] * input[i];
            }
            if (k == 0) break;
            var back = new double[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                if (input[i] <= 0) continue; // ReLU was inactive: no gradient flows
                double sum = 0;
                for (int o = 0; o < delta.Length; o++) sum += w[o, i] * delta[o];
                back[i] = sum;
            }
            delta = back;
        }
    }

    /// <summary>A copy with every weight of magnitude below <paramref name="threshold"/> set to zero (biases kept).</summary>
    public Mlp Pruned(double threshold)
    {
        var weights = Weights.Select(w =>
        {
            var copy = (double[,])w.Clone();
            for (int o = 0; o < copy.GetLength(0); o++)
                for (int i = 0; i < copy.GetLength(1); i++)
                    if (Math.Abs(copy[o, i]) < threshold) copy[o, i] = 0;
            return copy;
        }).ToArray();
        return new Mlp(weights, Biases.Select(b => (double[])b.Clone()).ToArray());
    }

    public int CountZeroWeights() => Weights.Sum(w => w.Cast<double>().Count(v => v == 0));
}
