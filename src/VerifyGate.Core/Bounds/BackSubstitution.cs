using System.Buffers;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Symbolic bounds of one node by back-substitution (CROWN / DeepPoly style).
/// Each value of the target is written as a linear function of some node's values: it starts as the
/// identity on the target and is pushed back through the DAG in reverse topological order. An affine
/// node passes coefficients A to each source k as A·W_k (plus A·b into the constant); a node read by
/// several consumers receives the sum of their coefficients; an activation is replaced by the linear
/// bound that is valid for the sign of each coefficient (<see cref="ReluRelaxation"/>), using the
/// already computed bounds of its source. At the input the linear function is concretised over the box.
/// Coefficients are dense (target rows × node size), processed in row chunks to bound memory.</summary>
internal static class BackSubstitution
{
    /// <summary>Entries per coefficient matrix per chunk (8 MB).</summary>
    private const int ChunkEntries = 1 << 20;

    public static (double[] Lower, double[] Upper) Node(Network network, int target, NetworkBounds bounds)
    {
        var ancestors = Ancestors(network, target);
        var relaxations = new Dictionary<int, ReluRelaxation>();
        int widest = 1;
        foreach (int j in ancestors)
        {
            widest = Math.Max(widest, network.Nodes[j].Size);
            if (network.Nodes[j] is ReluNode relu)
                relaxations[j] = new ReluRelaxation(relu, bounds.LowerSpan(relu.Source), bounds.UpperSpan(relu.Source));
        }
        int size = network.Nodes[target].Size;
        int chunk = Math.Clamp(ChunkEntries / widest, 1, size);
        var lower = new double[size];
        var upper = new double[size];
        var pass = new Pass(network, bounds, relaxations, ancestors);
        for (int start = 0; start < size; start += chunk)
        {
            int rows = Math.Min(chunk, size - start);
            pass.Run(target, start, rows, upperSide: false, lower.AsSpan(start, rows));
            pass.Run(target, start, rows, upperSide: true, upper.AsSpan(start, rows));
        }
        return (lower, upper);
    }

    /// <summary>The lower linear bounds themselves: value r of the target is at least A[r]·x + C[r] on the box, where
    /// <see cref="LinearLower.Magnitude"/>[r] is the sum of the terms' magnitudes that went into C[r] (for
    /// <see cref="SafeRounding"/> when the caller concretises a combination of rows).</summary>
    public static LinearLower LowerLinear(Network network, int target, NetworkBounds bounds)
    {
        var ancestors = Ancestors(network, target);
        var relaxations = new Dictionary<int, ReluRelaxation>();
        foreach (int j in ancestors)
            if (network.Nodes[j] is ReluNode relu)
                relaxations[j] = new ReluRelaxation(relu, bounds.LowerSpan(relu.Source), bounds.UpperSpan(relu.Source));
        int size = network.Nodes[target].Size;
        var result = new LinearLower(new double[size][], new double[size], new double[size]);
        var pass = new Pass(network, bounds, relaxations, ancestors)
        {
            Capture = (row, a, constant, magnitude) =>
            {
                result.A[row] = a.ToArray();
                result.C[row] = constant;
                result.Magnitude[row] = magnitude;
            },
        };
        for (int start = 0; start < size; start++)  // one row at a time: the rows are few (a condition's atoms)
            pass.Run(target, start, 1, upperSide: false, new double[1]);
        return result;
    }

    /// <summary>value r ≥ A[r]·x + C[r] over the box.</summary>
    public sealed record LinearLower(double[][] A, double[] C, double[] Magnitude);

    /// <summary>The target and every node it depends on, in decreasing index order.</summary>
    private static List<int> Ancestors(Network network, int target)
    {
        var needed = new bool[target + 1];
        needed[target] = true;
        var order = new List<int>();
        for (int j = target; j >= 0; j--)
        {
            if (!needed[j]) continue;
            order.Add(j);
            foreach (int s in network.Nodes[j].Sources) needed[s] = true;
        }
        return order;
    }

    private sealed class Pass(Network network, NetworkBounds bounds,
        Dictionary<int, ReluRelaxation> relaxations, List<int> ancestors)
    {
        private readonly double[]?[] _coefficients = new double[]?[network.Nodes.Count];
        private int _start;

        /// <summary>Called with each row's input coefficients, constant and magnitude before they are concretised.</summary>
        public Action<int, ReadOnlySpan<double>, double, double>? Capture { get; init; }

        /// <summary>Bounds one side (lower or upper) of target rows [start, start + rows).</summary>
        public void Run(int target, int start, int rows, bool upperSide, Span<double> result)
        {
            _start = start;
            var constant = new double[rows];
            var magnitude = new double[rows];
            var identity = Rent(target, rows);
            int targetSize = network.Nodes[target].Size;
            for (int r = 0; r < rows; r++) identity[r * targetSize + start + r] = 1.0;

            foreach (int j in ancestors)
            {
                var a = _coefficients[j];
                if (a == null) continue;
                var node = network.Nodes[j];
                switch (node)
                {
                    case AffineNode affine:
                        PushAffine(affine, a, rows, constant, magnitude);
                        break;
                    case ReluNode relu:
                        PushActivation(relu, relaxations[j], a, rows, upperSide, constant, magnitude);
                        break;
                    case InputNode:
                        Concretise(a, rows, node.Size, upperSide, constant, magnitude, result);
                        break;
                    default:
                        throw new NetworkException($"no symbolic rule for node '{node.Name}' ({node.GetType().Name})");
                }
                ArrayPool<double>.Shared.Return(a);
                _coefficients[j] = null;
            }
        }

        private double[] Rent(int node, int rows)
        {
            if (_coefficients[node] is { } existing) return existing;
            int length = rows * network.Nodes[node].Size;
            var array = ArrayPool<double>.Shared.Rent(length);
            Array.Clear(array, 0, length);
            _coefficients[node] = array;
            return array;
        }

        private void PushAffine(AffineNode node, double[] a, int rows, double[] constant, double[] magnitude)
        {
            int m = node.Size;
            for (int r = 0; r < rows; r++)
            {
                var row = a.AsSpan(r * m, m);
                double c = 0.0, mag = 0.0;
                for (int k = 0; k < m; k++)
                {
                    double v = row[k] * node.Bias[k];
                    c += v;
                    mag += Math.Abs(v);
                }
                constant[r] += c;
                magnitude[r] += mag;
            }
            foreach (var term in node.Terms)
            {
                var weight = term.Weight;
                int p = weight.Columns;
                var dst = Rent(term.Source, rows);
                for (int r = 0; r < rows; r++)
                {
                    var row = a.AsSpan(r * m, m);
                    var target = dst.AsSpan(r * p, p);
                    for (int k = 0; k < m; k++)
                    {
                        double coefficient = row[k];
                        if (coefficient == 0.0) continue;
                        var cols = weight.RowColumns(k);
                        var vals = weight.RowValues(k);
                        if (cols.Length == p)
                            DenseKernels.Axpy(coefficient, vals, target);
                        else
                            for (int q = 0; q < cols.Length; q++) target[cols[q]] += coefficient * vals[q];
                    }
                }
            }
        }

        private void PushActivation(ReluNode node, ReluRelaxation lines, double[] a, int rows, bool upperSide,
            double[] constant, double[] magnitude)
        {
            int m = node.Size;
            var dst = Rent(node.Source, rows);
            for (int r = 0; r < rows; r++)
            {
                var row = a.AsSpan(r * m, m);
                var target = dst.AsSpan(r * m, m);
                double c = 0.0, mag = 0.0;
                for (int k = 0; k < m; k++)
                {
                    double coefficient = row[k];
                    if (coefficient == 0.0) continue;
                    // A lower bound needs the lower line where the coefficient is positive; an upper bound the reverse.
                    if ((coefficient >= 0.0) == upperSide)
                    {
                        target[k] += coefficient * lines.UpperSlope[k];
                        double v = coefficient * lines.UpperIntercept[k];
                        c += v;
                        mag += Math.Abs(v);
                    }
                    else
                    {
                        target[k] += coefficient * lines.LowerSlope[k];
                    }
                }
                constant[r] += c;
                magnitude[r] += mag;
            }
        }

        private void Concretise(double[] a, int rows, int n, bool upperSide, double[] constant, double[] magnitude,
            Span<double> result)
        {
            var lo = bounds.LowerSpan(0);
            var hi = bounds.UpperSpan(0);
            for (int r = 0; r < rows; r++)
            {
                var row = a.AsSpan(r * n, n);
                Capture?.Invoke(_start + r, row, constant[r], magnitude[r]);
                double v = constant[r], mag = magnitude[r];
                for (int k = 0; k < n; k++)
                {
                    double coefficient = row[k];
                    if (coefficient == 0.0) continue;
                    v += (coefficient >= 0.0) == upperSide ? coefficient * hi[k] : coefficient * lo[k];
                    mag += Math.Abs(coefficient) * Math.Max(Math.Abs(lo[k]), Math.Abs(hi[k]));
                }
                result[r] = upperSide ? SafeRounding.Up(v, mag) : SafeRounding.Down(v, mag);
            }
        }
    }
}
