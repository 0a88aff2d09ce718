using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>
/// A cheap proof of injectivity tried before any two-copy MIP.
/// <para><b>Accepts</b>: the kinds invertibility, invertibility-radius and preimage-radius on a map f: R^n → R^n
/// whose outputs are all compared with no output tolerance (η = 0), and whose output node adds the input
/// (a residual map f(x) = x + r(x), the shape of learned dynamics steps).</para>
/// <para><b>Method</b>: g = f − id, with the identity cancelled into the output node's input term, so a residual map
/// gives g = r exactly. Certify an upper bound L on the Lipschitz constant of g over the domain (the box; for the
/// radius kinds the box of maxRadius around the centre): the product bound Σ ‖W‖_2 · L(source) along the network
/// (l2, ReLU is 1-Lipschitz; no solver), then the Lipschitz search on g in decision mode (atMost 1, l_inf, then l1)
/// on a share of the time.</para>
/// <para><b>Why it is sound</b>: f(x) = f(y) gives x − y = g(y) − g(x), so ‖x − y‖ ≤ L ‖x − y‖, and x = y when
/// L &lt; 1 (x, y in the convex domain over which L holds; injectivity does not depend on the norm). Hence D = 0 on
/// the box, and f is one-to-one on the whole searched ball: r* ≥ maxRadius, R* ≥ maxRadius. An upper bound only ever
/// comes from the Lipschitz engine's proven bounds or the inflated product bound.</para>
/// <para><b>Reference</b>: Behrmann, Grathwohl, Chen, Duvenaud, Jacobsen, "Invertible Residual Networks",
/// ICML 2019 (a residual block with Lip(r) &lt; 1 is invertible).</para>
/// </summary>
public static class ContractionProof
{
    /// <summary>The share of the property's time the proof may take before the two-copy engine runs.</summary>
    public const double TimeShare = 0.2;
    public const double MaxSeconds = 10;

    public const string NotePrefix = "decided by the contraction proof: ";

    /// <summary>g = f − id with the identity cancelled, or null when the query is not one the proof accepts.</summary>
    public static Network? Residual(TwoCopyQuery query)
    {
        var f = query.Network;
        if (query.Kind == TwoCopyKind.Matching || query.OutputTolerance != 0 || f.InputSize != f.OutputSize) return null;
        if (query.Outputs is { } outputs && !outputs.Order().SequenceEqual(Enumerable.Range(0, f.OutputSize))) return null;
        if (f.Nodes[f.OutputIndex] is not AffineNode output || output.Terms.All(t => t.Source != 0)) return null;
        var terms = output.Terms
            .Select(t => t.Source == 0 ? t with { Weight = MinusIdentity(t.Weight) } : t)
            .Where(t => t.Weight.NonZeros > 0).ToList();
        if (terms.Count == 0) return null;  // f is the identity plus a constant: the MIP answers that at once
        var nodes = f.Nodes.ToArray();
        nodes[f.OutputIndex] = new AffineNode(output.Index, output.Name + " - input", terms, output.Bias);
        return new Network(nodes, f.OutputIndex, f.InputShape, f.OutputShape);
    }

    /// <summary>The proof's bounds when it succeeds (null otherwise) within <paramref name="seconds"/>.</summary>
    /// <param name="oracle">f's oracle; g's witnesses are checked against f(x) − x.</param>
    public static CertifiedBounds? TryProve(TwoCopyQuery query, IMipSolver solver, IModelOracle? oracle, double seconds, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return Certify(query, solver, oracle, seconds, cancellation) is { } contraction ? Proven(query, contraction.How, clock, solver) : null;
    }

    /// <summary>A certified L &lt; 1 of f − id over the query's box, in <see cref="Contraction.Norm"/>; null when none was found.</summary>
    public static Contraction? Certify(TwoCopyQuery query, IMipSolver solver, IModelOracle? oracle, double seconds, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Residual(query) is not { } g) return null;
        double product = ProductBound(g);
        if (product < 1) return new Contraction(product, NormKind.Two, $"Lip_2(f − id) <= {product:G4} < 1 by the product of the layers' norms");

        var residualOracle = oracle is null ? null : new ResidualOracle(oracle);
        foreach (var norm in new[] { NormKind.Inf, NormKind.One })
        {
            double left = seconds - clock.Elapsed.TotalSeconds;
            if (left <= 0.05 || cancellation.IsCancellationRequested) break;
            var lipschitz = new LipschitzQuery
            {
                Network = g, Lower = query.Lower, Upper = query.Upper, InputNorm = norm, OutputNorm = norm,
                AtMost = 1, TimeLimitSeconds = left / (norm == NormKind.Inf ? 2 : 1),
            };
            var bounds = new LipschitzRoute(solver).Solve(lipschitz, residualOracle, progress: null, cancellation);
            if (bounds.Upper is double upper && upper < 1)
                return new Contraction(upper, norm, $"Lip_{norm.Label()}(f − id) <= {upper:G4} < 1 over the box, certified by the Lipschitz search");
        }
        return null;
    }

    /// <summary>Σ over an affine node's terms of ‖W‖_2 · L(source) (each ‖W‖_2 bounded from above, <see cref="Spectral"/>),
    /// ReLU keeping its source's bound: a certified upper bound on Lip_2, inflated for float64 rounding.</summary>
    public static double ProductBound(Network network)
    {
        var lipschitz = new double[network.Nodes.Count];
        foreach (var node in network.Nodes)
            lipschitz[node.Index] = node switch
            {
                InputNode => 1,
                ReluNode relu => lipschitz[relu.Source],
                AffineNode affine => affine.Terms.Sum(t => Spectral(t.Weight) * lipschitz[t.Source]),
                _ => double.PositiveInfinity,
            };
        return lipschitz[network.OutputIndex] * (1 + 1e-9) + 1e-12;
    }

    /// <summary>A certified upper bound on ‖W‖_2: the smaller of ‖W‖_F and √(‖W‖_1 ‖W‖_inf) (Hölder), so an identity
    /// term counts 1, not √n.</summary>
    private static double Spectral(SparseMatrix w)
    {
        double squares = 0, maxRow = 0;
        var columns = new double[w.Columns];
        for (int r = 0; r < w.Rows; r++)
        {
            double row = 0;
            var cols = w.RowColumns(r);
            var values = w.RowValues(r);
            for (int k = 0; k < values.Length; k++)
            {
                squares += values[k] * values[k];
                row += Math.Abs(values[k]);
                columns[cols[k]] += Math.Abs(values[k]);
            }
            maxRow = Math.Max(maxRow, row);
        }
        double maxColumn = columns.DefaultIfEmpty(0).Max();
        return Math.Min(Math.Sqrt(squares), Math.Sqrt(maxRow * maxColumn));
    }

    private static SparseMatrix MinusIdentity(SparseMatrix w)
    {
        var builder = new SparseMatrix.Builder(w.Rows, w.Columns);
        for (int r = 0; r < w.Rows; r++)
        {
            var columns = w.RowColumns(r);
            var values = w.RowValues(r);
            bool diagonal = false;
            for (int k = 0; k < columns.Length; k++)
            {
                double v = columns[k] == r ? values[k] - 1 : values[k];
                diagonal |= columns[k] == r;
                if (v != 0) builder.Add(r, columns[k], v);
            }
            if (!diagonal && r < w.Columns) builder.Add(r, r, -1);
        }
        return builder.Build();
    }

    /// <summary>‖(f − id)(x) − (f − id)(y)‖ ≤ L ‖x − y‖ in <paramref name="Norm"/> over the box, L &lt; 1.</summary>
    public sealed record Contraction(double L, NormKind Norm, string How);

    private static CertifiedBounds Proven(TwoCopyQuery query, string how, System.Diagnostics.Stopwatch clock, IMipSolver solver)
    {
        bool radius = query.IsRadius;
        return new CertifiedBounds
        {
            Lower = radius ? query.MaxRadius : 0,
            Upper = radius ? null : 0,
            Solver = solver.Version,
            Elapsed = clock.Elapsed,
            Notes = [NotePrefix + how + (radius
                ? $": f is one-to-one on the whole searched ball, so the radius is at least maxRadius {query.MaxRadius:G6}"
                : ": f is one-to-one on the box, D = 0")],
        };
    }

    /// <summary>g(x) = f(x) − x, evaluated by f's oracle (ONNX Runtime), for the Lipschitz search's witnesses.</summary>
    private sealed class ResidualOracle(IModelOracle f) : IModelOracle
    {
        public double[] Evaluate(double[] input) => [.. f.Evaluate(input).Select((y, i) => y - input[i])];
    }
}
