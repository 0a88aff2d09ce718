using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Bounds;

/// <summary>A certified upper bound on L_{p,q} over a box from a linear relaxation of the backward (gradient) pass,
/// tighter than interval arithmetic on it (<see cref="GradientLipschitzBound"/>) because it keeps how the entries of each
/// sensitivity depend on one another.
/// <para><b>Method card</b> (the backward pass as a computation graph bounded by linear relaxations, as Shi et al.,
/// "Efficiently Computing Local Lipschitz Constants of Neural Networks via Bound Propagation", NeurIPS 2022, do with
/// CROWN on the Clarke Jacobian; here the activation slopes are free within their intervals, so the relaxations are
/// those of products s·g).
/// Accepts: a network DAG of affine and ReLU / LeakyReLU nodes, the node bounds of a box, output rows, p and q.
/// Method: ‖J‖_{p→q} = max over u of ‖uᵀJ‖_{p*} with u over the output unit vectors (q = inf; q = 2 through
/// ‖J‖_{p→2} ≤ (Σ_r ‖J_r‖_{p*}²)^½) or the 2^(m−1) sign vectors (q = 1). For one covector u the backward pass gives
/// the sensitivity G_k of uᵀf to every node k: G_out = u, an affine term y = W x adds Wᵀ G_y to G_x, an activation
/// y = σ(x) adds s ⊙ G_y with every slope s_j in [α, 1] (fixed when the neuron is stable). The interval pass
/// (<see cref="JacobianBounds"/>) gives every G_k an interval. The norm φ = ‖G_0‖_{p*} is bounded above by a linear
/// function Λ_0ᵀ G_0 + c: chords of |g| (p = inf) or of g² (p = 2, then a square root) over G_0's interval, or one
/// signed entry at a time (p = 1). That linear function is carried from the input towards the output: through an
/// affine term exactly (Λ_y += W Λ_x), through an activation by the chord of g ↦ max_s (Λ_x)_j s g over G_y's interval
/// (a convex function, so its chord lies above it), until G_out = u makes it a number.
/// Why it is sound: at every point of the box in an activation region, the slopes are values from their intervals
/// and every G_k from its interval, so each chord is above the term it replaces and the final number is above φ;
/// the Clarke Jacobian at other points is a convex combination of region Jacobians, whose norm is no larger. Float64:
/// every sum is widened by <see cref="SafeRounding"/> of the magnitude of its terms.
/// Cost: one pass over the weights per covector and (for p = 1) per signed input.</para></summary>
public static class LinearJacobianBound
{
    /// <summary>Largest output count whose 2^(m−1) sign vectors are enumerated for q = 1 (and for the q = 2 bound through q = 1).</summary>
    private const int MaxSignRows = 8;
    /// <summary>Passes (each over every weight) one bound may take: (non-zero weights) x passes.</summary>
    private const double WorkLimit = 5e7;

    /// <summary>The bound, or +infinity when it would cost more than <see cref="WorkLimit"/>.</summary>
    /// <param name="enclosure">an interval Jacobian (selected outputs x inputs) known to hold, to sharpen the chords at the input.</param>
    public static double Compute(NetworkBounds bounds, int[] outputs, bool[] fixedInputs, NormKind p, NormKind q, IntervalMatrix? enclosure = null)
    {
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        if (free.Length == 0 || outputs.Length == 0) return 0.0;
        double best = double.PositiveInfinity;
        if (q != NormKind.One)
        {
            var rows = RowBounds(bounds, OutputCovectors.Units(bounds.Network, outputs), free, p, enclosure is null ? null : Rows(enclosure, outputs.Length));
            if (rows is not null)
                best = q == NormKind.Inf ? rows.Max() : SafeRounding.Up(Math.Sqrt(rows.Sum(b => b * b)), rows.Sum(b => b * b));
        }
        if (q != NormKind.Inf && outputs.Length <= MaxSignRows)
        {
            var signs = OutputCovectors.Signs(outputs.Length);
            var seeds = signs.Select(sign => OutputCovectors.Weighted(bounds.Network, outputs, sign)).ToArray();
            var combined = enclosure is null ? null : signs.Select(sign => Combine(enclosure, sign)).ToArray();
            if (RowBounds(bounds, seeds, free, p, combined) is { } signed) best = Math.Min(best, signed.Max());
        }
        return best;
    }

    /// <summary>Per seed covector u, an upper bound on ‖uᵀJ‖_{p*} over the box; null when too costly.</summary>
    private static double[]? RowBounds(NetworkBounds bounds, double[][] seeds, int[] free, NormKind p, (double[] Lower, double[] Upper)[]? inputIntervals)
    {
        int passesPerSeed = p == NormKind.One ? 2 * free.Length : 1;
        double weights = Math.Max(1, bounds.Network.ParameterCount);
        if (weights * passesPerSeed * seeds.Length > WorkLimit) return null;
        var sensitivities = JacobianBounds.Sensitivities(bounds, seeds);
        var result = new double[seeds.Length];
        for (int r = 0; r < seeds.Length; r++)
        {
            var pass = new Pass(bounds, sensitivities, r, seeds[r]);
            var (lower, upper) = InputInterval(sensitivities[0], r, inputIntervals?[r]);
            result[r] = p switch
            {
                NormKind.Inf => pass.Upper(AbsoluteChords(lower, upper, free)),
                NormKind.Two => Math.Sqrt(Math.Max(0.0, pass.Upper(SquareChords(lower, upper, free)))),
                _ => free.Max(i => Math.Max(
                    Math.Min(pass.Upper(Entry(i, 1.0)), Math.Max(upper[i], 0.0)),
                    Math.Min(pass.Upper(Entry(i, -1.0)), Math.Max(-lower[i], 0.0)))),
            };
        }
        return result;

        (double[] Lower, double[] Upper) Entry(int i, double sign)
        {
            var lambda = new double[bounds.Network.InputSize];
            lambda[i] = sign;
            return (lambda, [0.0, 0.0]);
        }
    }

    /// <summary>G_0's interval for seed r: the backward pass's, intersected with a known enclosure.</summary>
    private static (double[] Lower, double[] Upper) InputInterval(IntervalMatrix? g0, int r, (double[] Lower, double[] Upper)? known)
    {
        int n = g0?.Columns ?? known!.Value.Lower.Length;
        var lower = new double[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            (lower[i], upper[i]) = g0 is null ? (0.0, 0.0) : (g0.Lower(r, i), g0.Upper(r, i));
            if (known is { } k) (lower[i], upper[i]) = (Math.Max(lower[i], k.Lower[i]), Math.Min(upper[i], k.Upper[i]));
            if (lower[i] > upper[i]) (lower[i], upper[i]) = (Math.Min(lower[i], upper[i]), Math.Max(lower[i], upper[i]));  // only by rounding
        }
        return (lower, upper);
    }

    /// <summary>Σ|g_i| ≤ Σ (a_i g_i + b_i), the chord of |·| over [l_i, u_i].</summary>
    private static (double[] Lambda, double[] Constant) AbsoluteChords(double[] lower, double[] upper, int[] free)
    {
        var lambda = new double[lower.Length];
        double constant = 0.0, magnitude = 0.0;
        foreach (int i in free)
        {
            double l = lower[i], u = upper[i];
            if (l >= 0) lambda[i] = 1.0;
            else if (u <= 0) lambda[i] = -1.0;
            else
            {
                double a = (u + l) / (u - l);
                lambda[i] = a;
                constant += -l - a * l;
                magnitude += -l + Math.Abs(a * l);
            }
        }
        return (lambda, [constant, magnitude]);
    }

    /// <summary>Σ g_i² ≤ Σ ((l_i + u_i) g_i − l_i u_i), the chord of g² over [l_i, u_i].</summary>
    private static (double[] Lambda, double[] Constant) SquareChords(double[] lower, double[] upper, int[] free)
    {
        var lambda = new double[lower.Length];
        double constant = 0.0, magnitude = 0.0;
        foreach (int i in free)
        {
            double l = lower[i], u = upper[i];
            lambda[i] = l + u;
            constant -= l * u;
            magnitude += Math.Abs(l * u) + Math.Abs(l + u) * Math.Max(Math.Abs(l), Math.Abs(u));
        }
        return (lambda, [constant, magnitude]);
    }

    /// <summary>One covector's linear function carried from the input node to the output.</summary>
    private sealed class Pass(NetworkBounds bounds, IntervalMatrix?[] sensitivities, int row, double[] seed)
    {
        private readonly Network _network = bounds.Network;

        /// <summary>An upper bound on Λ_0ᵀ G_0 + c over the box; <paramref name="start"/> holds Λ_0 and (c, |terms of c|).</summary>
        public double Upper((double[] Lambda, double[] Constant) start)
        {
            var lambda = new double[_network.Nodes.Count][];
            lambda[0] = start.Lambda;
            double value = start.Constant[0], magnitude = start.Constant[1];
            for (int y = 1; y <= _network.OutputIndex; y++)
            {
                if (sensitivities[y] is not IntervalMatrix g) continue;  // G_y = 0: nothing reaches the output through y
                switch (_network.Nodes[y])
                {
                    case AffineNode affine:
                        foreach (var term in affine.Terms)
                            if (lambda[term.Source] is { } from) ThroughWeight(term.Weight, from, lambda[y] ??= new double[affine.Size], g, ref magnitude);
                        break;
                    case ReluNode relu when lambda[relu.Source] is { } from:
                        ThroughActivation(relu, from, lambda[y] ??= new double[relu.Size], g, ref value, ref magnitude);
                        break;
                }
            }
            if (lambda[_network.OutputIndex] is { } last)
                for (int o = 0; o < last.Length; o++)
                {
                    value += last[o] * seed[o];
                    magnitude += Math.Abs(last[o] * seed[o]);
                }
            return SafeRounding.Up(value, magnitude);
        }

        private double Largest(IntervalMatrix g, int j) => Math.Max(Math.Abs(g.Lower(row, j)), Math.Abs(g.Upper(row, j)));

        // Λ_xᵀ Wᵀ G_y = (W Λ_x)ᵀ G_y.
        private void ThroughWeight(SparseMatrix weight, double[] from, double[] to, IntervalMatrix g, ref double magnitude)
        {
            for (int r = 0; r < weight.Rows; r++)
            {
                var cols = weight.RowColumns(r);
                var vals = weight.RowValues(r);
                double sum = 0.0, terms = 0.0;
                for (int k = 0; k < cols.Length; k++)
                {
                    double t = vals[k] * from[cols[k]];
                    sum += t;
                    terms += Math.Abs(t);
                }
                to[r] += sum;
                magnitude += terms * Largest(g, r);
            }
        }

        // Σ_j (Λ_x)_j s_j (G_y)_j: exact for a stable neuron, else at most the chord of max(wαg, wg) over G_y's interval.
        private void ThroughActivation(ReluNode relu, double[] from, double[] to, IntervalMatrix g, ref double value, ref double magnitude)
        {
            for (int j = 0; j < relu.Size; j++)
            {
                double w = from[j];
                if (w == 0.0) continue;
                var (low, high) = SlopeInterval.Of(bounds, relu, j);
                if (low == high)
                {
                    to[j] += w * low;
                    magnitude += Math.Abs(w * low) * Largest(g, j);
                    continue;
                }
                double gl = g.Lower(row, j), gu = g.Upper(row, j);
                double hl = Math.Max(w * low * gl, w * high * gl), hu = Math.Max(w * low * gu, w * high * gu);
                if (!(gu > gl))
                {
                    value += hu;
                    magnitude += Math.Abs(hu);
                    continue;
                }
                double a = (hu - hl) / (gu - gl);
                to[j] += a;
                value += hl - a * gl;
                magnitude += Math.Abs(hl) + Math.Abs(hu) + 2 * Math.Abs(a) * Math.Max(Math.Abs(gl), Math.Abs(gu));
            }
        }
    }

    private static (double[] Lower, double[] Upper)[] Rows(IntervalMatrix enclosure, int rows) =>
        Enumerable.Range(0, rows).Select(r => Combine(enclosure, Enumerable.Range(0, rows).Select(x => x == r ? 1.0 : 0.0).ToArray())).ToArray();

    /// <summary>Σ_r sign_r J_r in interval arithmetic, widened against rounding.</summary>
    private static (double[] Lower, double[] Upper) Combine(IntervalMatrix enclosure, double[] sign)
    {
        int n = enclosure.Columns;
        var lower = new double[n];
        var upper = new double[n];
        for (int c = 0; c < n; c++)
        {
            double lo = 0.0, hi = 0.0, terms = 0.0;
            for (int r = 0; r < sign.Length; r++)
            {
                if (sign[r] == 0.0) continue;
                lo += sign[r] > 0 ? enclosure.Lower(r, c) : -enclosure.Upper(r, c);
                hi += sign[r] > 0 ? enclosure.Upper(r, c) : -enclosure.Lower(r, c);
                terms += enclosure.Magnitude(r, c);
            }
            (lower[c], upper[c]) = (SafeRounding.Down(lo, terms), SafeRounding.Up(hi, terms));
        }
        return (lower, upper);
    }
}
