using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Interval bounds on every entry of the Jacobian of selected outputs with respect to the input,
/// over every point of the box.
/// <para><b>Method card</b> (FastLip: Weng et al., "Towards Fast Computation of Certified Robustness for
/// ReLU Networks", ICML 2018; RecurJac: Zhang et al., "RecurJac: An Efficient Recursive Algorithm for
/// Bounding Jacobian Matrix of Neural Networks", AAAI 2019).
/// Accepts: any network DAG of affine nodes (several terms) and ReLU / LeakyReLU nodes, the node bounds of
/// an input box (<see cref="NetworkBounds"/>), output rows to look at.
/// Method: on any activation region J = W_L Λ_{L−1} … Λ_1 W_1 (summed over the DAG's paths); the sensitivity
/// G_k = ∂(selected outputs)/∂(node k) is pushed backward in reverse topological order, starting from the
/// unit rows of the selected outputs: an affine term adds G_y W, an activation multiplies column j by its
/// slope, which is 1 (stable active), α (stable inactive) or anywhere in [α, 1] (unstable), the contributions
/// of all consumers of a node are summed. Everything is interval arithmetic on (G lower, G upper).
/// Why it is sound: at every point of the box inside an activation region each Λ_k is a diagonal whose
/// entries lie in these slope intervals (the pre-activation bounds are sound), and interval arithmetic
/// encloses every sum and product of values taken from the intervals; each entry is widened outward by
/// <see cref="SafeRounding"/> against float64 rounding. Backward propagation costs (selected outputs) x
/// (non-zero weights), and is tighter than forward propagation of tangents when outputs are few.</para></summary>
public static class JacobianBounds
{
    /// <summary>Bounds on J[r, i] = ∂ output[outputs[r]] / ∂ x_i; columns of fixed inputs are zero (they
    /// never move, so they do not count towards any Lipschitz constant).</summary>
    public static IntervalMatrix Compute(NetworkBounds bounds, int[] outputs, bool[] fixedInputs) =>
        Compute(Sensitivities(bounds, outputs), outputs.Length, fixedInputs);

    /// <summary>The same, from the backward pass's results already computed.</summary>
    public static IntervalMatrix Compute(IntervalMatrix?[] sensitivities, int rows, bool[] fixedInputs)
    {
        int n = fixedInputs.Length;
        var jl = new double[rows * n];
        var ju = new double[rows * n];
        if (sensitivities[0] is IntervalMatrix g)
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < n; c++)
                    if (!fixedInputs[c]) (jl[r * n + c], ju[r * n + c]) = (g.Lower(r, c), g.Upper(r, c));
        return new IntervalMatrix(rows, n, jl, ju);
    }

    /// <summary>Per node k, bounds on G_k = ∂(selected outputs)/∂(node k) (outputs x node size), the
    /// backward pass's intermediate results; null for nodes the selected outputs do not depend on.</summary>
    public static IntervalMatrix?[] Sensitivities(NetworkBounds bounds, int[] outputs)
    {
        int outputSize = bounds.Network.Nodes[bounds.Network.OutputIndex].Size;
        var seeds = outputs.Select(o =>
        {
            var seed = new double[outputSize];
            seed[o] = 1.0;
            return seed;
        }).ToArray();
        return Sensitivities(bounds, seeds);
    }

    /// <summary>The same for covectors of the outputs: row r bounds ∂(seeds[r] · output)/∂(node k). The seeds are taken
    /// as exact (unit rows, sign vectors).</summary>
    public static IntervalMatrix?[] Sensitivities(NetworkBounds bounds, double[][] seeds)
    {
        var network = bounds.Network;
        int rows = seeds.Length;
        var lower = new double[network.Nodes.Count][];
        var upper = new double[network.Nodes.Count][];
        var magnitude = new double[network.Nodes.Count][];  // Σ |terms| of every entry, for rounding margins

        int output = network.OutputIndex;
        Allocate(output);
        int outputSize = network.Nodes[output].Size;
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < outputSize; o++)
                lower[output][r * outputSize + o] = upper[output][r * outputSize + o] = seeds[r][o];

        for (int i = output; i >= 0; i--)
        {
            if (lower[i] is null) continue;  // the selected outputs do not depend on this node
            SlopeInterval.Widen(lower[i], upper[i], magnitude[i]);
            switch (network.Nodes[i])
            {
                case AffineNode affine:
                    foreach (var term in affine.Terms) BackThroughWeight(term, affine.Size, i);
                    break;
                case ReluNode relu:
                    BackThroughActivation(relu, bounds);
                    break;
            }  // the input node (i = 0) is only widened
        }

        var result = new IntervalMatrix?[network.Nodes.Count];
        for (int i = 0; i < result.Length; i++)
            if (lower[i] is not null) result[i] = new IntervalMatrix(rows, network.Nodes[i].Size, lower[i], upper[i]);
        return result;

        void Allocate(int node)
        {
            if (lower[node] is not null) return;
            int size = network.Nodes[node].Size * rows;
            lower[node] = new double[size];
            upper[node] = new double[size];
            magnitude[node] = new double[size];
        }

        // G_source += G_node · W, row by row of W (sparse).
        void BackThroughWeight(AffineTerm term, int nodeSize, int node)
        {
            int source = term.Source;
            Allocate(source);
            int sourceSize = network.Nodes[source].Size;
            double[] gl = lower[node], gu = upper[node], sl = lower[source], su = upper[source], sm = magnitude[source];
            for (int row = 0; row < nodeSize; row++)
            {
                var cols = term.Weight.RowColumns(row);
                var vals = term.Weight.RowValues(row);
                for (int r = 0; r < rows; r++)
                {
                    double l = gl[r * nodeSize + row], u = gu[r * nodeSize + row];
                    if (l == 0.0 && u == 0.0) continue;
                    double big = Math.Max(Math.Abs(l), Math.Abs(u));
                    int offset = r * sourceSize;
                    for (int k = 0; k < cols.Length; k++)
                    {
                        double w = vals[k];
                        int at = offset + cols[k];
                        if (w >= 0) { sl[at] += w * l; su[at] += w * u; }
                        else { sl[at] += w * u; su[at] += w * l; }
                        sm[at] += Math.Abs(w) * big;
                    }
                }
            }
        }

        // G_source[:, j] += G_node[:, j] · [slope low, slope high], slopes ≥ 0.
        void BackThroughActivation(ReluNode relu, NetworkBounds b)
        {
            int source = relu.Source;
            Allocate(source);
            int size = relu.Size;
            double[] gl = lower[relu.Index], gu = upper[relu.Index], sl = lower[source], su = upper[source], sm = magnitude[source];
            for (int j = 0; j < size; j++)
            {
                var slope = SlopeInterval.Of(b, relu, j);
                for (int r = 0; r < rows; r++)
                {
                    int at = r * size + j;
                    double l = gl[at], u = gu[at];
                    var (scaledLower, scaledUpper) = SlopeInterval.Scale(l, u, slope);
                    sl[at] += scaledLower;
                    su[at] += scaledUpper;
                    sm[at] += Math.Max(Math.Abs(scaledLower), Math.Abs(scaledUpper));
                }
            }
        }
    }
}
