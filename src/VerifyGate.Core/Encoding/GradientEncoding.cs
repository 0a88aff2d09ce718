using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>The backward (gradient) pass of one output covector u through the activation pattern of a
/// <see cref="ForwardEncoding"/>, as LipMIP (Jordan and Dimakis, NeurIPS 2020) encodes it: G_out = u, an affine term
/// y = W x adds Wᵀ G_y to G_x, an activation y = σ(x) adds s ⊙ G_y, where an unstable neuron's slope is α + (1 − α)·d with
/// the forward encoding's binary d, and d·g is linearised exactly for binary d by g's interval [gl, gu] from the interval
/// backward pass (<see cref="JacobianBounds.Sensitivities(NetworkBounds, double[][])"/>): gl·d ≤ h ≤ gu·d and
/// gl·(1−d) ≤ g − h ≤ gu·(1−d). G_0 is then uᵀJ of the pattern, so a norm of it is ‖uᵀJ‖ at the encoded point.
/// Unlike the forward tangent encoding (<see cref="TangentEncoding"/>) no direction v is encoded: the dual norm of G_0
/// stands for max over v, and the big-M constants are sensitivity bounds, which are tight when the outputs are few.</summary>
public sealed class GradientEncoding
{
    /// <param name="sensitivities">interval bounds on every node's G_k (row <paramref name="row"/> belongs to <paramref name="seed"/>).</param>
    public GradientEncoding(ForwardEncoding forward, double[] seed, IntervalMatrix?[] sensitivities, int row, string prefix = "")
    {
        _forward = forward;
        _seed = seed;
        var model = forward.Model;
        var network = forward.Network;
        var sums = new Expr?[network.Nodes.Count][];
        for (int k = 0; k < sums.Length; k++) sums[k] = new Expr?[network.Nodes[k].Size];
        Values = new LinearValue[network.Nodes.Count][];
        var output = new Expr?[network.OutputSize];
        for (int o = 0; o < output.Length; o++) output[o] = new Expr().Add(seed[o]);
        sums[network.OutputIndex] = output;
        for (int k = network.OutputIndex; k >= 0; k--)
        {
            Values[k] = Materialise(model, sums[k], sensitivities[k], row, $"{prefix}g{k}_");
            if (k == 0) break;
            switch (network.Nodes[k])
            {
                case AffineNode affine:
                    foreach (var term in affine.Terms) AddTransposed(term, Values[k], sums[term.Source]);
                    break;
                case ReluNode relu:
                    AddThroughActivation(model, forward, relu, Values[k], sums[relu.Source], prefix);
                    break;
                case var other:
                    throw new NetworkException($"cannot encode node type {other.GetType().Name}");
            }
        }
    }

    private readonly ForwardEncoding _forward;
    private readonly double[] _seed;
    /// <summary>The products h = d·g with their activation node and neuron.</summary>
    private readonly List<(Var H, int Relu, int Neuron)> _products = [];

    /// <summary>Hints every variable of this pass with its value under <paramref name="pattern"/> (the forward encoding's
    /// hint at the same point): without it a squared objective's solve may stop at its bound limit before any incumbent,
    /// and report no bound.</summary>
    public void HintAt(ActivationPattern pattern)
    {
        var model = _forward.Model;
        var g = PatternPasses.Sensitivities(_forward.Network, pattern, _seed);
        var hinted = new HashSet<int>();
        for (int k = 0; k < Values.Length; k++)
            if (Values[k] is { } values)
                for (int j = 0; j < values.Length; j++)
                    if (values[j] is { Variable: Var v, Coefficient: 1.0, Constant: 0.0 } && hinted.Add(v.Index))
                        model.AddHint(v, g[k][j]);
        foreach (var (h, relu, neuron) in _products)
            model.AddHint(h, pattern.Active(relu)[neuron] ? g[relu][neuron] : 0.0);
    }

    /// <summary>G_k for every node k up to the output (after it: unset).</summary>
    public LinearValue[][] Values { get; }

    /// <summary>G_0 = uᵀJ at the encoded pattern.</summary>
    public LinearValue[] InputGradient => Values[0];

    /// <summary>Each entry as a constant when nothing variable reaches it, else as a variable bounded by its interval.</summary>
    private static LinearValue[] Materialise(MipModel model, Expr?[] sums, IntervalMatrix? bounds, int row, string name)
    {
        var values = new LinearValue[sums.Length];
        for (int j = 0; j < sums.Length; j++)
        {
            var sum = sums[j];
            if (sum is null || bounds is null) { values[j] = LinearValue.ConstantValue(0.0); continue; }
            if (sum.LinVars.Count == 0) { values[j] = LinearValue.ConstantValue(sum.Constant); continue; }
            var g = model.AddContinuous(bounds.Lower(row, j), bounds.Upper(row, j), name + j);
            sum.Add(g, -1.0);
            model.AddConstraint(0.0, sum, 0.0);
            values[j] = LinearValue.Of(g);
        }
        return values;
    }

    private static void AddTransposed(AffineTerm term, LinearValue[] g, Expr?[] into)
    {
        for (int r = 0; r < g.Length; r++)
        {
            if (g[r] is { Variable: null, Constant: 0.0 }) continue;
            var columns = term.Weight.RowColumns(r);
            var weights = term.Weight.RowValues(r);
            for (int k = 0; k < columns.Length; k++)
                g[r].AddTo(into[columns[k]] ??= new Expr(), weights[k]);
        }
    }

    private void AddThroughActivation(MipModel model, ForwardEncoding forward, ReluNode node, LinearValue[] g, Expr?[] into, string prefix)
    {
        double alpha = node.NegativeSlope;
        for (int j = 0; j < node.Size; j++)
        {
            var sum = into[j] ??= new Expr();
            switch (forward.Bounds.State(node.Index, j))
            {
                case NeuronState.StableActive:
                    g[j].AddTo(sum, 1.0);
                    continue;
                case NeuronState.StableInactive:
                    g[j].AddTo(sum, alpha);
                    continue;
            }
            var d = forward.Binary(node.Index, j)!.Value;
            g[j].AddTo(sum, alpha);
            if (g[j].Variable is not Var v)
            {
                sum.Add(d, (1 - alpha) * g[j].Constant);  // d·c is linear
                continue;
            }
            double gl = model.LowerBound(v), gu = model.UpperBound(v);
            var h = model.AddContinuous(Math.Min(gl, 0), Math.Max(gu, 0), $"{prefix}h{node.Index}_{j}");
            // gl·d ≤ h ≤ gu·d
            model.AddConstraint(0.0, new Expr().Add(h).Add(d, -gl), double.PositiveInfinity);
            model.AddConstraint(double.NegativeInfinity, new Expr().Add(h).Add(d, -gu), 0.0);
            // gl·(1−d) ≤ g − h ≤ gu·(1−d)
            model.AddConstraint(gl, new Expr().Add(v).Add(h, -1.0).Add(d, gl), double.PositiveInfinity);
            model.AddConstraint(double.NegativeInfinity, new Expr().Add(v).Add(h, -1.0).Add(d, gu), gu);
            sum.Add(h, 1 - alpha);
            _products.Add((h, node.Index, j));
        }
    }
}
