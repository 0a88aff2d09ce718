namespace VerifyGate.Core.Networks;

/// <summary>Simplifies a network without changing the function it computes: drops nodes the output does
/// not depend on and merges each affine node into its only consumer when that consumer is affine
/// (W_B (W_A x + b_A) + b_B = (W_B W_A) x + (W_B b_A + b_B)). Activations are kept as they are.</summary>
public static class AffineFolding
{
    public static Network Fold(Network network)
    {
        var nodes = network.Nodes;
        int count = nodes.Count;
        var live = LiveNodes(network);
        var uses = new int[count];
        for (int i = 0; i < count; i++)
            if (live[i])
                foreach (int s in nodes[i].Sources) uses[s]++;

        // Current definition of each affine node, over the original indices.
        var terms = new List<AffineTerm>?[count];
        var biases = new double[]?[count];
        var removed = new bool[count];
        for (int i = 0; i < count; i++) removed[i] = !live[i];

        for (int i = 1; i < count; i++)
        {
            if (!live[i] || nodes[i] is not AffineNode affine) continue;
            var bias = (double[])affine.Bias.Clone();
            var merged = new List<AffineTerm>();
            foreach (var term in affine.Terms)
            {
                int a = term.Source;
                if (CanAbsorb(a, i, network, uses, terms) && TryCompose(term.Weight, terms[a]!, biases[a]!, out var composed, out var shift))
                {
                    removed[a] = true;
                    for (int r = 0; r < bias.Length; r++) bias[r] += shift[r];
                    merged.AddRange(composed);
                }
                else merged.Add(term);
            }
            terms[i] = MergeSameSource(merged);
            biases[i] = bias;
        }
        return Rebuild(network, removed, terms, biases);
    }

    private static bool CanAbsorb(int source, int consumer, Network network, int[] uses, List<AffineTerm>?[] terms) =>
        source != 0 && source != network.OutputIndex && uses[source] == 1 && terms[source] != null;

    /// <summary>W (Σ_k A_k x_k + b) = Σ_k (W A_k) x_k + W b, taken only when it does not add weights.</summary>
    private static bool TryCompose(SparseMatrix weight, List<AffineTerm> inner, double[] innerBias,
        out List<AffineTerm> composed, out double[] shift)
    {
        composed = inner.Select(t => new AffineTerm(t.Source, weight.Multiply(t.Weight))).ToList();
        shift = weight.Multiply(innerBias);
        long before = weight.NonZeros + inner.Sum(t => (long)t.Weight.NonZeros);
        long after = composed.Sum(t => (long)t.Weight.NonZeros);
        return after <= before && composed.All(t => t.Weight.AllFinite()) && shift.All(double.IsFinite);
    }

    private static List<AffineTerm> MergeSameSource(List<AffineTerm> terms)
    {
        if (terms.Select(t => t.Source).Distinct().Count() == terms.Count) return terms;
        return terms.GroupBy(t => t.Source)
            .Select(g => g.Count() == 1 ? g.First() : new AffineTerm(g.Key, Sum(g.Select(t => t.Weight).ToList())))
            .ToList();
    }

    private static SparseMatrix Sum(List<SparseMatrix> matrices)
    {
        var builder = new SparseMatrix.Builder(matrices[0].Rows, matrices[0].Columns);
        foreach (var m in matrices)
            for (int r = 0; r < m.Rows; r++)
            {
                var cols = m.RowColumns(r);
                var vals = m.RowValues(r);
                for (int k = 0; k < cols.Length; k++) builder.Add(r, cols[k], vals[k]);
            }
        return builder.Build();
    }

    private static bool[] LiveNodes(Network network)
    {
        var live = new bool[network.Nodes.Count];
        live[0] = true;
        live[network.OutputIndex] = true;
        for (int i = network.OutputIndex; i > 0; i--)
            if (live[i])
                foreach (int s in network.Nodes[i].Sources) live[s] = true;
        return live;
    }

    private static Network Rebuild(Network network, bool[] removed, List<AffineTerm>?[] terms, double[]?[] biases)
    {
        var map = new int[network.Nodes.Count];
        var result = new List<Node>();
        for (int i = 0; i < network.Nodes.Count; i++)
        {
            if (removed[i]) { map[i] = -1; continue; }
            int index = result.Count;
            map[i] = index;
            var node = network.Nodes[i];
            result.Add(node switch
            {
                InputNode input => new InputNode(index, input.Name, input.Size),
                AffineNode affine => new AffineNode(index, affine.Name,
                    terms[i]!.Select(t => new AffineTerm(map[t.Source], t.Weight)).ToList(), biases[i]!),
                ReluNode relu => new ReluNode(index, relu.Name, map[relu.Source], relu.Size, relu.NegativeSlope),
                _ => throw new NetworkException($"unknown node type {node.GetType().Name}"),
            });
        }
        return new Network(result, map[network.OutputIndex], network.InputShape, network.OutputShape);
    }
}
