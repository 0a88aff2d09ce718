using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary><see cref="ContractionProof"/>: injectivity of x + r(x) from Lip(r) &lt; 1, before any two-copy MIP. It fires on
/// contractive residual maps, never on maps that fold, and every L it certifies holds on sampled pairs.</summary>
public class ContractionProofTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    private static TwoCopyQuery Query(Network f, TwoCopyKind kind, double radius = 5, double[]? center = null)
    {
        int n = f.InputSize;
        center ??= new double[n];
        return new TwoCopyQuery
        {
            Kind = kind, Network = f,
            Lower = [.. center.Select(c => c - radius)], Upper = [.. center.Select(c => c + radius)],
            Center = kind == TwoCopyKind.Invertibility ? null : center, Exact = true, TimeLimitSeconds = 60,
        };
    }

    /// <summary>x + s · W2 relu(W1 x + b1): s small contracts, s large may fold.</summary>
    private static Network ScaledResidual(int n, int hidden, int seed, double s)
    {
        var rng = new Random(seed);
        var w1 = new double[hidden, n];
        var w2 = new double[n, hidden];
        var b1 = new double[hidden];
        for (int r = 0; r < hidden; r++) { b1[r] = rng.NextDouble() * 2 - 1; for (int c = 0; c < n; c++) w1[r, c] = rng.NextDouble() * 2 - 1; }
        for (int r = 0; r < n; r++) for (int c = 0; c < hidden; c++) w2[r, c] = s * (rng.NextDouble() * 2 - 1);
        var b = new NetworkBuilder(n);
        b.Add(b.Input, b.Dense(b.Relu(b.Dense(b.Input, w1, b1)), w2, new double[n]));
        return b.Build();
    }

    [Theory]
    [InlineData(TwoCopyKind.Invertibility)]
    [InlineData(TwoCopyKind.InvertibilityRadius)]
    [InlineData(TwoCopyKind.PreimageRadius)]
    public void A_contractive_residual_map_is_decided_without_a_two_copy_mip(TwoCopyKind kind)
    {
        // 6 inputs, 50 hidden ReLUs: the two-copy MIP timed out at 60 s on such maps (docs/benchmarks.md, invertibility).
        var f = KnownAnswerTests.Residual(6, 50, seed: 650);
        var result = Engine.Solve(Query(f, kind, radius: 15));

        Assert.StartsWith(ContractionProof.NotePrefix + "Lip_2(f − id) <= 0.9", Assert.Single(result.Notes));
        if (kind == TwoCopyKind.Invertibility) Assert.Equal((0.0, 0.0), (result.Lower, result.Upper));
        else Assert.Equal((15.0, (double?)null), (result.Lower, result.Upper));
        Assert.Equal(0, result.SubProblems);
    }

    [Fact]
    public void A_map_that_folds_is_never_proven_and_the_mip_finds_its_pair()
    {
        // f(x) = x − 2 relu(x): x below 0, −x above: f(−a) = f(a).
        var b = new NetworkBuilder(1);
        b.Add(b.Input, b.Dense(b.Relu(b.Dense(b.Input, new double[,] { { 1 } }, [0])), new double[,] { { -2 } }, [0]));
        var fold = b.Build();
        var query = Query(fold, TwoCopyKind.Invertibility, radius: 1);

        Assert.NotNull(ContractionProof.Residual(query));
        Assert.Null(ContractionProof.Certify(query, ScipSolver.Instance, null, 5, default));
        var result = Engine.Solve(query);
        Assert.Equal(2.0, result.Lower!.Value, 4);
        Assert.DoesNotContain(result.Notes, n => n.StartsWith(ContractionProof.NotePrefix));
    }

    [Fact]
    public void Maps_that_do_not_add_their_input_or_compare_part_of_the_output_are_left_to_the_mip()
    {
        var plain = KnownAnswerTests.Identity(2);
        Assert.Null(ContractionProof.Residual(Query(plain, TwoCopyKind.Invertibility)));
        var residual = KnownAnswerTests.Residual(2, 5, seed: 25);
        Assert.Null(ContractionProof.Residual(Query(residual, TwoCopyKind.Invertibility) with { Outputs = [0] }));
        Assert.Null(ContractionProof.Residual(Query(residual, TwoCopyKind.Invertibility) with { OutputTolerance = 0.1 }));
        Assert.NotNull(ContractionProof.Residual(Query(residual, TwoCopyKind.Invertibility)));
    }

    [Fact]
    public void Every_certified_contraction_holds_on_sampled_pairs_and_gives_the_engine_s_answer()
    {
        var rng = new Random(7);
        int proven = 0, refused = 0;
        var how = new List<string>();
        foreach (double scale in new[] { 0.05, 0.1, 0.2, 0.4, 0.8, 1.6 })
            for (int seed = 0; seed < 4; seed++)
            {
                var f = ScaledResidual(2, 6, seed: 100 + seed, s: scale);
                var query = Query(f, TwoCopyKind.Invertibility, radius: 2);
                if (ContractionProof.Certify(query, ScipSolver.Instance, null, 5, default) is not { } c)
                {
                    refused++;
                    continue;
                }
                proven++;
                how.Add(c.How);
                Assert.True(c.L < 1);
                for (int k = 0; k < 2000; k++)
                {
                    double[] x = [rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2], y = [rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2];
                    double[] fx = f.Evaluate(x), fy = f.Evaluate(y);
                    double[] gx = [fx[0] - x[0], fx[1] - x[1]], gy = [fy[0] - y[0], fy[1] - y[1]];
                    double dg = VectorNorm.Norm([gx[0] - gy[0], gx[1] - gy[1]], c.Norm), dx = VectorNorm.Norm([x[0] - y[0], x[1] - y[1]], c.Norm);
                    Assert.True(dg <= c.L * dx * (1 + 1e-9) + 1e-12, $"scale {scale}, seed {seed}: |g(x) - g(y)| = {dg} > {c.L} |x - y| = {c.L * dx}");
                }
                // The two-copy engine without the proof agrees: no separated pair, D = 0 up to its resolution.
                var plain = new MaximumEngine(ScipSolver.Instance).Solve(query, null, null, null, default);
                Assert.True(plain.Lower < 1e-6 && plain.Upper < 1e-4, $"scale {scale}, seed {seed}: the MIP has D in [{plain.Lower}, {plain.Upper}]");
            }
        Assert.True(proven >= 8, $"proven {proven}");
        Assert.True(refused >= 2, $"refused {refused}");
        // Both tiers: the product of the layers' norms, and the Lipschitz search where the product is too coarse.
        Assert.Contains(how, h => h.Contains("product of the layers' norms"));
        Assert.Contains(how, h => h.Contains("certified by the Lipschitz search"));
    }
}
