using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Onnx;

public sealed class AffineFoldingTests
{
    private static double[,] RandomMatrix(Random rng, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) m[r, c] = rng.NextDouble() * 2 - 1;
        return m;
    }

    private static double[] RandomVector(Random rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();

    private static void AssertSameFunction(Network expected, Network actual, Random rng)
    {
        for (int s = 0; s < 50; s++)
        {
            var x = RandomVector(rng, expected.InputSize);
            var a = expected.Evaluate(x);
            var b = actual.Evaluate(x);
            for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 9);
        }
    }

    [Fact]
    public void A_chain_of_affine_nodes_becomes_one()
    {
        var rng = new Random(1);
        var b = new NetworkBuilder(4);
        int a1 = b.Dense(b.Input, RandomMatrix(rng, 5, 4), RandomVector(rng, 5));
        int a2 = b.Dense(a1, RandomMatrix(rng, 5, 5), RandomVector(rng, 5));
        int r = b.Relu(a2);
        int a3 = b.Dense(r, RandomMatrix(rng, 3, 5), RandomVector(rng, 3));
        int a4 = b.Affine(a3, SparseMatrix.Diagonal([2.0, -1.0, 0.5]), RandomVector(rng, 3));
        var network = b.Build(a4, [1, 4], [3]);

        var folded = AffineFolding.Fold(network);
        Assert.Equal(4, folded.Nodes.Count); // input, affine, relu, affine
        Assert.IsType<ReluNode>(folded.Nodes[2]);
        Assert.Equal([1, 4], folded.InputShape);
        AssertSameFunction(network, folded, rng);
    }

    [Fact]
    public void A_node_with_two_consumers_is_kept()
    {
        var rng = new Random(2);
        var b = new NetworkBuilder(3);
        int shared = b.Dense(b.Input, RandomMatrix(rng, 3, 3), RandomVector(rng, 3));
        int r = b.Relu(shared);
        int sum = b.Add(r, shared);
        var network = b.Build(sum);
        var folded = AffineFolding.Fold(network);
        Assert.Equal(network.Nodes.Count, folded.Nodes.Count);
        AssertSameFunction(network, folded, rng);
    }

    [Fact]
    public void A_bottleneck_is_not_multiplied_out()
    {
        var rng = new Random(3);
        var b = new NetworkBuilder(40);
        int narrow = b.Dense(b.Input, RandomMatrix(rng, 2, 40), RandomVector(rng, 2));
        int wide = b.Dense(narrow, RandomMatrix(rng, 40, 2), RandomVector(rng, 40));
        var network = b.Build(wide);
        var folded = AffineFolding.Fold(network);
        Assert.Equal(3, folded.Nodes.Count); // 40x40 dense would have more weights than 2x40 + 40x2
        AssertSameFunction(network, folded, rng);
    }

    [Fact]
    public void Nodes_the_output_does_not_read_are_dropped()
    {
        var rng = new Random(4);
        var b = new NetworkBuilder(3);
        int used = b.Relu(b.Input);
        b.Dense(b.Input, RandomMatrix(rng, 2, 3), RandomVector(rng, 2));
        int output = b.Dense(used, RandomMatrix(rng, 2, 3), RandomVector(rng, 2));
        var network = b.Build(output);
        var folded = AffineFolding.Fold(network);
        Assert.Equal(3, folded.Nodes.Count);
        AssertSameFunction(network, folded, rng);
    }

    [Fact]
    public void A_branch_folds_into_a_residual_sum()
    {
        var rng = new Random(5);
        var b = new NetworkBuilder(3);
        int r = b.Relu(b.Input);
        int branch = b.Dense(r, RandomMatrix(rng, 3, 3), RandomVector(rng, 3));
        int sum = b.Add(branch, b.Input);
        var network = b.Build(sum);
        var folded = AffineFolding.Fold(network);
        Assert.Equal(3, folded.Nodes.Count);
        var output = Assert.IsType<AffineNode>(folded.Nodes[2]);
        Assert.Equal(2, output.Terms.Count);
        AssertSameFunction(network, folded, rng);
    }
}
