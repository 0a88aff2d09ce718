using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>The LP relaxation of the part of a network that a target node reads: one variable per
/// value of every ancestor node (not the target itself), boxed by the current bounds; an equality row
/// per affine value; per activation value either its exact line (stable neurons) or the triangle
/// h &gt;= z, h &gt;= αz, h &lt;= chord through (l, αl) and (u, u). Every reachable assignment of node
/// values satisfies every row in exact arithmetic: the chord is moved up by a rounding margin, all
/// other rows carry the network's own coefficients. Rows are stored as CSR with two-sided ends.</summary>
internal sealed class LpRelaxation
{
    private readonly List<double> _rowLower = [];
    private readonly List<double> _rowUpper = [];
    private readonly List<int> _rowStart = [0];
    private readonly List<int> _columns = [];
    private readonly List<double> _coefficients = [];

    private LpRelaxation(Network network, int target)
    {
        Network = network;
        Target = target;
        Offset = new int[network.Nodes.Count];
        Array.Fill(Offset, -1);
    }

    public Network Network { get; }
    public int Target { get; }
    /// <summary>First variable of each node in the LP, −1 for nodes outside it.</summary>
    public int[] Offset { get; }
    public double[] VarLower { get; private set; } = [];
    public double[] VarUpper { get; private set; } = [];
    public int VariableCount => VarLower.Length;
    public int RowCount => _rowLower.Count;

    public double RowLower(int r) => _rowLower[r];
    public double RowUpper(int r) => _rowUpper[r];
    public int RowStart(int r) => _rowStart[r];
    public int RowEnd(int r) => _rowStart[r + 1];
    public int Column(int k) => _columns[k];
    public double Coefficient(int k) => _coefficients[k];

    /// <summary>The relaxation of everything <paramref name="target"/> depends on, from the current bounds.</summary>
    public static LpRelaxation Build(NetworkBounds bounds, int target)
    {
        var network = bounds.Network;
        var lp = new LpRelaxation(network, target);
        var needed = new bool[target + 1];
        foreach (int s in network.Nodes[target].Sources) needed[s] = true;
        for (int j = target - 1; j >= 0; j--)
            if (needed[j])
                foreach (int s in network.Nodes[j].Sources) needed[s] = true;

        var lower = new List<double>();
        var upper = new List<double>();
        for (int j = 0; j < target; j++)
        {
            if (!needed[j]) continue;
            lp.Offset[j] = lower.Count;
            var lo = bounds.LowerSpan(j);
            var hi = bounds.UpperSpan(j);
            for (int i = 0; i < lo.Length; i++)
            {
                if (!double.IsFinite(lo[i]) || !double.IsFinite(hi[i]))
                    throw new InvalidOperationException($"node {j} value {i} has no finite bounds; compute them before the LP");
                lower.Add(lo[i]);
                upper.Add(hi[i]);
            }
        }
        lp.VarLower = [.. lower];
        lp.VarUpper = [.. upper];

        for (int j = 1; j < target; j++)
        {
            if (!needed[j]) continue;
            switch (network.Nodes[j])
            {
                case AffineNode affine: lp.AddAffine(affine); break;
                case ReluNode relu: lp.AddActivation(relu, bounds.LowerSpan(relu.Source), bounds.UpperSpan(relu.Source)); break;
                default: throw new NetworkException($"no LP rule for node '{network.Nodes[j].Name}' ({network.Nodes[j].GetType().Name})");
            }
        }
        return lp;
    }

    /// <summary>An LP given by its rows alone (no network behind it): boxed variables and two-sided rows, each row a
    /// map from variable to coefficient. <see cref="DualBound"/> and <see cref="GlopRelaxationSolver"/> take it as they
    /// take a network's relaxation.</summary>
    public static LpRelaxation FromRows(Network network, double[] varLower, double[] varUpper,
        IEnumerable<(double Lower, double Upper, Dictionary<int, double> Row)> rows)
    {
        var lp = new LpRelaxation(network, 0) { VarLower = varLower, VarUpper = varUpper };
        foreach (var (lower, upper, row) in rows) lp.AddRow(lower, upper, row);
        return lp;
    }

    /// <summary>The objective of value <paramref name="row"/> of the target affine node as a dense
    /// vector over the LP variables, plus its constant (the bias).</summary>
    public (double[] Coefficients, double Constant) TargetRow(int row)
    {
        var target = (AffineNode)Network.Nodes[Target];
        var c = new double[VariableCount];
        foreach (var term in target.Terms)
        {
            int offset = Offset[term.Source];
            var cols = term.Weight.RowColumns(row);
            var vals = term.Weight.RowValues(row);
            for (int k = 0; k < cols.Length; k++) c[offset + cols[k]] += vals[k];
        }
        return (c, target.Bias[row]);
    }

    /// <summary>z_r − Σ_k W_k x_k = b_r.</summary>
    private void AddAffine(AffineNode node)
    {
        int self = Offset[node.Index];
        var row = new Dictionary<int, double>();
        for (int r = 0; r < node.Size; r++)
        {
            row.Clear();
            row[self + r] = 1.0;
            foreach (var term in node.Terms)
            {
                int offset = Offset[term.Source];
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                for (int k = 0; k < cols.Length; k++)
                    row[offset + cols[k]] = row.GetValueOrDefault(offset + cols[k]) - vals[k];
            }
            AddRow(node.Bias[r], node.Bias[r], row);
        }
    }

    private void AddActivation(ReluNode node, ReadOnlySpan<double> zLower, ReadOnlySpan<double> zUpper)
    {
        int h = Offset[node.Index], z = Offset[node.Source];
        double alpha = node.NegativeSlope;
        var row = new Dictionary<int, double>(2);
        for (int j = 0; j < node.Size; j++)
        {
            double l = zLower[j], u = zUpper[j];
            switch (NetworkBounds.Classify(l, u))
            {
                case NeuronState.StableActive:
                    Set(row, h + j, 1.0, z + j, -1.0);
                    AddRow(0.0, 0.0, row);
                    break;
                case NeuronState.StableInactive:
                    Set(row, h + j, 1.0, z + j, -alpha);
                    AddRow(0.0, 0.0, row);
                    break;
                default:
                    Set(row, h + j, 1.0, z + j, -1.0);
                    AddRow(0.0, double.PositiveInfinity, row);
                    if (alpha > 0.0)
                    {
                        Set(row, h + j, 1.0, z + j, -alpha);
                        AddRow(0.0, double.PositiveInfinity, row);
                    }
                    // Chord h <= s z + t (the slope and intercept of ReluRelaxation). Its rounding error is
                    // below 1e-15 · (|s|·max(|l|, |u|) + |t|) on [l, u]; the margin is far above that.
                    double s = (u - alpha * l) / (u - l);
                    double t = (1.0 - alpha) * (-l) * u / (u - l);
                    Set(row, h + j, 1.0, z + j, -s);
                    AddRow(double.NegativeInfinity, SafeRounding.Up(t, Math.Abs(s) * Math.Max(-l, u) + Math.Abs(t)), row);
                    break;
            }
        }
    }

    private static void Set(Dictionary<int, double> row, int a, double va, int b, double vb)
    {
        row.Clear();
        row[a] = va;
        row[b] = vb;
    }

    private void AddRow(double lower, double upper, Dictionary<int, double> row)
    {
        _rowLower.Add(lower);
        _rowUpper.Add(upper);
        foreach (var (column, value) in row)
        {
            if (value == 0.0) continue;
            _columns.Add(column);
            _coefficients.Add(value);
        }
        _rowStart.Add(_columns.Count);
    }
}
