using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Networks;

public class NetworkTests
{
    private static Network TwoLayer()
    {
        var b = new NetworkBuilder(2);
        int h = b.Dense(b.Input, new double[,] { { 1, -1 }, { 2, 1 }, { -1, 0.5 } }, [0.5, -1, 0]);
        int r = b.Relu(h);
        int o = b.Dense(r, new double[,] { { 1, 2, -3 } }, [0.25]);
        return b.Build(o);
    }

    [Fact]
    public void Evaluates_affine_and_relu_layers()
    {
        var net = TwoLayer();
        // z = (1-2+0.5, 2+2-1, -1+1) = (-0.5, 3, 0) -> h = (0, 3, 0) -> 6 + 0.25
        Assert.Equal(6.25, net.Evaluate([1.0, 2.0])[0], 12);
        Assert.Equal(3, net.NeuronCount);
        Assert.Equal(6 + 3 + 3 + 1, net.ParameterCount);
    }

    [Fact]
    public void Jacobian_of_the_pattern_matches_finite_differences()
    {
        var net = TwoLayer();
        var rng = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            double[] x = [rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2];
            var jac = net.Jacobian(net.PatternAt(x));
            const double h = 1e-7;
            for (int j = 0; j < 2; j++)
            {
                var xp = (double[])x.Clone();
                xp[j] += h;
                double fd = (net.Evaluate(xp)[0] - net.Evaluate(x)[0]) / h;
                Assert.Equal(fd, jac[0, j], 4);
            }
        }
    }

    [Fact]
    public void Residual_connection_adds_the_input()
    {
        var b = new NetworkBuilder(2);
        int h = b.Dense(b.Input, new double[,] { { 0.5, 0 }, { 0, -0.5 } }, [0, 0]);
        int r = b.LeakyRelu(h, 0.1);
        int sum = b.Add(b.Input, r);
        var net = b.Build(sum);
        var y = net.Evaluate([2.0, 2.0]);
        Assert.Equal(3.0, y[0], 12);
        Assert.Equal(2.0 - 0.1, y[1], 12);
        var jac = net.Jacobian(net.PatternAt([2.0, 2.0]));
        Assert.Equal(1.5, jac[0, 0], 12);
        Assert.Equal(1.0 - 0.05, jac[1, 1], 12);
        Assert.Equal(0.0, jac[0, 1], 12);
    }

    [Fact]
    public void Refuses_nan_weights_and_bad_shapes()
    {
        var b = new NetworkBuilder(2);
        b.Dense(b.Input, new double[,] { { double.NaN, 0 } }, [0]);
        Assert.Contains("NaN", Assert.Throws<NetworkException>(() => b.Build()).Message);

        var c = new NetworkBuilder(2);
        Assert.Throws<NetworkException>(() => c.Dense(c.Input, new double[,] { { 1, 0 } }, [0, 0]));
        Assert.Throws<NetworkException>(() => new NetworkBuilder(0));
    }

    [Fact]
    public void Sparse_products_agree_with_dense_ones()
    {
        var rng = new Random(3);
        var a = new double[4, 5];
        var m = new double[5, 3];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) a[i, j] = rng.Next(3) == 0 ? 0 : rng.NextDouble() - 0.5;
        for (int i = 0; i < 5; i++) for (int j = 0; j < 3; j++) m[i, j] = rng.Next(3) == 0 ? 0 : rng.NextDouble() - 0.5;
        var product = SparseMatrix.FromDense(a).Multiply(SparseMatrix.FromDense(m)).ToDense();
        var transpose = SparseMatrix.FromDense(a).Transpose();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
            {
                double expected = 0;
                for (int k = 0; k < 5; k++) expected += a[i, k] * m[k, j];
                Assert.Equal(expected, product[i, j], 12);
            }
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) Assert.Equal(a[i, j], transpose[j, i]);
    }
}
