using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary>Networks whose two-copy quantities are known by hand.</summary>
public class KnownAnswerTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    /// <summary>f(x) = relu(x) − relu(−x) = x (per coordinate).</summary>
    internal static Network Identity(int n)
    {
        var b = new NetworkBuilder(n);
        var w = new double[2 * n, n];
        for (int i = 0; i < n; i++) { w[i, i] = 1; w[n + i, i] = -1; }
        var h = b.Relu(b.Dense(b.Input, w, new double[2 * n]));
        var o = new double[n, 2 * n];
        for (int i = 0; i < n; i++) { o[i, i] = 1; o[i, n + i] = -1; }
        b.Dense(h, o, new double[n]);
        return b.Build();
    }

    /// <summary>f(x1, x2) = (|x1|, x2): folds the plane along x1 = 0.</summary>
    internal static Network Fold()
    {
        var b = new NetworkBuilder(2);
        var h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }, new double[4]));
        b.Dense(h, new double[,] { { 1, 1, 0, 0 }, { 0, 0, 1, -1 } }, new double[2]);
        return b.Build();
    }

    /// <summary>x + W2 relu(W1 x + b1) with ‖W2‖_2 ‖W1‖_2 &lt; 1: injective everywhere.</summary>
    internal static Network Residual(int n, int hidden, int seed)
    {
        var rng = new Random(seed);
        var w1 = new double[hidden, n];
        var w2 = new double[n, hidden];
        var b1 = new double[hidden];
        for (int r = 0; r < hidden; r++) { b1[r] = rng.NextDouble() * 2 - 1; for (int c = 0; c < n; c++) w1[r, c] = rng.NextDouble() * 2 - 1; }
        for (int r = 0; r < n; r++) for (int c = 0; c < hidden; c++) w2[r, c] = rng.NextDouble() * 2 - 1;
        // Frobenius norms bound the spectral norms: scale so that ‖W1‖_F ‖W2‖_F = 0.9.
        double f1 = Math.Sqrt(w1.Cast<double>().Sum(v => v * v)), f2 = Math.Sqrt(w2.Cast<double>().Sum(v => v * v));
        double scale = Math.Sqrt(0.9 / (f1 * f2));
        for (int r = 0; r < hidden; r++) for (int c = 0; c < n; c++) w1[r, c] *= scale;
        for (int r = 0; r < n; r++) for (int c = 0; c < hidden; c++) w2[r, c] *= scale;
        var b = new NetworkBuilder(n);
        var g = b.Dense(b.Relu(b.Dense(b.Input, w1, b1)), w2, new double[n]);
        b.Add(b.Input, g);
        return b.Build();
    }

    [Theory]
    [InlineData(NormKind.Inf)]
    [InlineData(NormKind.One)]
    [InlineData(NormKind.Two)]
    public void Identity_is_one_to_one(NormKind p)
    {
        var result = Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = Identity(2), Lower = [-1, -2], Upper = [1, 0.5], InputNorm = p, Exact = true,
        }, new NetworkOracle(Identity(2)));
        Assert.Equal(0, result.Lower);
        // p = 2 bounds D² and reports its square root: the absolute safety margin 1e-9 on D² becomes ~3e-5.
        Assert.InRange(result.Upper!.Value, 0, p == NormKind.Two ? 1e-4 : 1e-6);
    }

    [Fact]
    public void Absolute_value_folds_minus_one_onto_one()
    {
        var b = new NetworkBuilder(1);
        var h = b.Relu(b.Dense(b.Input, new double[,] { { 1 }, { -1 } }, [0, 0]));
        b.Dense(h, new double[,] { { 1, 1 } }, [0]);
        var network = b.Build();
        var result = Engine.Solve(new TwoCopyQuery { Kind = TwoCopyKind.Invertibility, Network = network, Lower = [-1], Upper = [1], Exact = true },
            new NetworkOracle(network));
        Assert.Equal(2, result.Lower!.Value, 6);
        Assert.InRange(result.Upper!.Value, 2, 2 + 1e-5);
        var w = result.Witness!;
        Assert.Equal(1, Math.Abs(w.X[0]), 6);
        Assert.Equal(-w.X[0], w.Y[0], 6);
    }

    [Fact]
    public void Contractive_residual_map_is_one_to_one()
    {
        var network = Residual(3, 8, seed: 1);
        var result = Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = [-2, -2, -2], Upper = [2, 2, 2], Exact = true,
        }, new NetworkOracle(network));
        Assert.InRange(result.Upper!.Value, 0, 1e-5);
    }

    [Fact]
    public void Fold_preimage_radius_is_twice_the_distance_to_the_fold()
    {
        // f(a, b) = f(−a, b): the other preimage of c = (0.4, 0.1) is (−0.4, 0.1), at distance 0.8.
        var result = Engine.Solve(Radius(TwoCopyKind.PreimageRadius), new NetworkOracle(Fold()));
        Assert.InRange(0.8, result.Lower!.Value, result.Upper!.Value);
        Assert.True(result.Upper - result.Lower < 1e-5, $"[{result.Lower}, {result.Upper}]");
        Assert.Equal(-0.4, result.Witness!.X[0], 5);
        Assert.Equal(0.1, result.Witness.X[1], 5);
    }

    [Fact]
    public void Fold_invertibility_radius_reaches_the_fold_plus_half_the_separation()
    {
        // The closest separated pair with equal outputs is (±δ/2, x2): it lies within a + δ/2 of c = (a, b).
        var result = Engine.Solve(Radius(TwoCopyKind.InvertibilityRadius), new NetworkOracle(Fold()));
        // A witness pair need only be separated by δ(1 − SeparationSlack): its radius may be that much below a + δ/2.
        Assert.InRange(0.4 + 0.0005, result.Lower!.Value, result.Upper!.Value + 0.001 * PairWitnesses.SeparationSlack);
        Assert.True(result.Upper - result.Lower < 1e-5, $"[{result.Lower}, {result.Upper}]");
    }

    [Fact]
    public void Radius_beyond_max_radius_is_certified_as_max_radius()
    {
        var query = Radius(TwoCopyKind.PreimageRadius) with { Lower = [0.1, -0.2], Upper = [0.7, 0.4] };  // maxRadius 0.3 < 0.8
        var result = Engine.Solve(query, new NetworkOracle(Fold()));
        Assert.Equal(0.3, result.Lower!.Value, 9);
        Assert.Null(result.Upper);
        Assert.Null(result.Witness);
    }

    [Fact]
    public void Matching_a_network_with_itself_is_zero_and_with_a_fold_is_not()
    {
        var identity = Identity(2);
        var same = Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Matching, Network = Fold(), Reference = identity, Lower = [-1, -1], Upper = [1, 1], Exact = true,
        }, new NetworkOracle(Fold()), new NetworkOracle(identity));
        Assert.InRange(same.Upper!.Value, 0, 1e-6);   // the fold is a function of the identity's output
        var reverse = Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Matching, Network = identity, Reference = Fold(), Lower = [-1, -1], Upper = [1, 1], Exact = true,
        }, new NetworkOracle(identity), new NetworkOracle(Fold()));
        // The fold cannot tell x1 from −x1: the identity's outputs then differ by up to 2.
        Assert.Equal(2, reverse.Lower!.Value, 6);
        Assert.InRange(reverse.Upper!.Value, 2, 2 + 1e-5);
    }

    [Fact]
    public void Matching_refuses_models_of_different_input_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Matching, Network = Fold(), Reference = Identity(3), Lower = [-1, -1], Upper = [1, 1],
        }));
        Assert.Contains("2 inputs but the reference has 3", error.Message);
    }

    private static TwoCopyQuery Radius(TwoCopyKind kind) => new()
    {
        Kind = kind, Network = Fold(), Center = [0.4, 0.1], Lower = [-0.6, -0.9], Upper = [1.4, 1.1], Separation = 1e-3, Exact = true,
    };
}

internal sealed class NetworkOracle(Network network) : Witnesses.IModelOracle
{
    public double[] Evaluate(double[] input) => network.Evaluate(input);
}
