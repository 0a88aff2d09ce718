using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>The network extended by the condition's slack layer s = b − C·y, one row per atom, clause by clause: bounds
/// of this network's output are bounds of every atom's slack at once. When the model ends in an affine node read by
/// nothing else, the slack layer is folded into it (rows −C·W, bias b − C·bias), so back-substitution bounds the slacks
/// directly instead of the outputs first (CROWN's specification matrix; a bound on c·y is tighter than c applied to
/// bounds of y). Folding multiplies in float64, so the folded weights carry rounding of order 1e-16 relative, which
/// <see cref="RobustnessDomain"/>'s margin allows for.</summary>
internal static class MarginNetwork
{
    public static Network Build(Network network, OutputCondition condition)
    {
        var atoms = condition.Atoms.ToArray();
        int m = network.OutputSize;
        var nodes = network.Nodes.ToList();
        var bias = atoms.Select(a => a.Bound).ToArray();
        int output = network.OutputIndex;
        bool foldable = nodes[output] is AffineNode && output == nodes.Count - 1;
        if (foldable && nodes[output] is AffineNode last)
        {
            var terms = last.Terms.Select(t => new AffineTerm(t.Source, Compose(atoms, t.Weight))).ToArray();
            for (int r = 0; r < atoms.Length; r++)
                for (int j = 0; j < m; j++) bias[r] -= atoms[r].Coefficients[j] * last.Bias[j];
            nodes[output] = new AffineNode(output, last.Name + "/slack", terms, bias);
            return new Network(nodes, output, network.InputShape, [atoms.Length]);
        }
        var slack = new double[atoms.Length, m];
        for (int r = 0; r < atoms.Length; r++)
            for (int j = 0; j < m; j++) slack[r, j] = -atoms[r].Coefficients[j];
        nodes.Add(new AffineNode(nodes.Count, "slack", [new AffineTerm(output, SparseMatrix.FromDense(slack))], bias));
        return new Network(nodes, nodes.Count - 1, network.InputShape, [atoms.Length]);
    }

    /// <summary>−C·W as a matrix (atoms × W's columns).</summary>
    private static SparseMatrix Compose(OutputAtom[] atoms, SparseMatrix weight)
    {
        var result = new double[atoms.Length, weight.Columns];
        for (int r = 0; r < atoms.Length; r++)
            for (int j = 0; j < weight.Rows; j++)
            {
                double c = atoms[r].Coefficients[j];
                if (c == 0) continue;
                var cols = weight.RowColumns(j);
                var vals = weight.RowValues(j);
                for (int k = 0; k < cols.Length; k++) result[r, cols[k]] -= c * vals[k];
            }
        return SparseMatrix.FromDense(result);
    }
}
