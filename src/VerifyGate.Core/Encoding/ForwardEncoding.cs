using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>One copy of the network inside a MIP: input variables in the box, a variable per affine
/// output bounded by its pre-activation bounds, and the big-M encoding of every unstable activation
/// with its own binary (math.md, "Pre-activation bounds"). Stable neurons get no variable: they alias
/// their input (active), or a multiple of it (inactive LeakyReLU), or zero (inactive ReLU).
/// With a positive <see cref="Margin"/> μ, every unstable neuron must also be strictly inside its
/// phase: d = 1 ⇒ z ≥ μ, d = 0 ⇒ z ≤ −μ (the lower-bound problem of math.md).</summary>
public sealed class ForwardEncoding
{
    private readonly Dictionary<(int Node, int Neuron), Var> _binaries = new();

    public ForwardEncoding(MipModel model, NetworkBounds bounds, string prefix = "", IReadOnlyList<LinearValue>? sharedInputs = null, double margin = 0.0)
    {
        Model = model;
        Bounds = bounds;
        Margin = margin;
        var network = bounds.Network;
        Values = new LinearValue[network.Nodes.Count][];
        Values[0] = sharedInputs?.ToArray() ?? CreateInputs(model, bounds, prefix);
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            Values[i] = network.Nodes[i] switch
            {
                AffineNode affine => EncodeAffine(affine, prefix),
                ReluNode relu => EncodeActivation(relu, prefix),
                var other => throw new NetworkException($"cannot encode node type {other.GetType().Name}"),
            };
        }
    }

    public MipModel Model { get; }
    public NetworkBounds Bounds { get; }
    public double Margin { get; }
    public Network Network => Bounds.Network;

    /// <summary>The MIP value of every node's outputs, indexed like the network's nodes.</summary>
    public LinearValue[][] Values { get; }
    public LinearValue[] Inputs => Values[0];
    public LinearValue[] Outputs => Values[Network.OutputIndex];

    /// <summary>The phase binary d of an unstable neuron (1 = active); null for stable neurons.</summary>
    public Var? Binary(int activationNode, int neuron) =>
        _binaries.TryGetValue((activationNode, neuron), out var d) ? d : null;

    public IReadOnlyDictionary<(int Node, int Neuron), Var> Binaries => _binaries;

    private static LinearValue[] CreateInputs(MipModel model, NetworkBounds bounds, string prefix)
    {
        var lo = bounds.Lower(0);
        var hi = bounds.Upper(0);
        var inputs = new LinearValue[lo.Length];
        for (int i = 0; i < lo.Length; i++)
            inputs[i] = lo[i] == hi[i]
                ? LinearValue.ConstantValue(lo[i])
                : LinearValue.Of(model.AddContinuous(lo[i], hi[i], $"{prefix}x{i}"));
        return inputs;
    }

    private LinearValue[] EncodeAffine(AffineNode node, string prefix)
    {
        var lo = Bounds.Lower(node.Index);
        var hi = Bounds.Upper(node.Index);
        var result = new LinearValue[node.Size];
        for (int r = 0; r < node.Size; r++)
        {
            var expr = new Expr { Constant = node.Bias[r] };
            foreach (var term in node.Terms)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                var source = Values[term.Source];
                for (int k = 0; k < cols.Length; k++) source[cols[k]].AddTo(expr, vals[k]);
            }
            if (lo[r] == hi[r])
            {
                result[r] = LinearValue.ConstantValue(lo[r]);
                continue;
            }
            var z = Model.AddContinuous(lo[r], hi[r], $"{prefix}z{node.Index}_{r}");
            expr.Add(z, -1.0);
            Model.AddConstraint(0.0, expr, 0.0);
            result[r] = LinearValue.Of(z);
        }
        return result;
    }

    private LinearValue[] EncodeActivation(ReluNode node, string prefix)
    {
        double alpha = node.NegativeSlope;
        var source = Values[node.Source];
        var lo = Bounds.Lower(node.Source);
        var hi = Bounds.Upper(node.Source);
        var result = new LinearValue[node.Size];
        for (int j = 0; j < node.Size; j++)
        {
            double l = lo[j], u = hi[j];
            switch (NetworkBounds.Classify(l, u))
            {
                case NeuronState.StableActive:
                    result[j] = source[j];
                    break;
                case NeuronState.StableInactive:
                    result[j] = source[j].Scale(alpha);
                    break;
                default:
                    result[j] = EncodeUnstable(node, j, source[j], l, u, alpha, prefix);
                    break;
            }
        }
        return result;
    }

    /// <summary>h = max(z, αz) with l &lt; 0 &lt; u and binary d (1 = active):
    /// h ≥ z, h ≥ αz, h ≤ αz + (1−α)·u·d, h ≤ z − (1−α)·l·(1−d).</summary>
    private LinearValue EncodeUnstable(ReluNode node, int j, LinearValue z, double l, double u, double alpha, string prefix)
    {
        var d = Model.AddBinary($"{prefix}d{node.Index}_{j}");
        _binaries[(node.Index, j)] = d;
        var h = Model.AddContinuous(alpha * l, u, $"{prefix}h{node.Index}_{j}");

        var geZ = new Expr().Add(h); z.AddTo(geZ, -1.0);                          // h − z ≥ 0
        Model.AddConstraint(0.0, geZ, double.PositiveInfinity);
        if (alpha > 0)
        {
            var geAz = new Expr().Add(h); z.AddTo(geAz, -alpha);                  // h − αz ≥ 0
            Model.AddConstraint(0.0, geAz, double.PositiveInfinity);
        }
        var upActive = new Expr().Add(h).Add(d, -(1 - alpha) * u); z.AddTo(upActive, -alpha);
        Model.AddConstraint(double.NegativeInfinity, upActive, 0.0);              // h − αz − (1−α)u·d ≤ 0
        var upInactive = new Expr().Add(h).Add(d, -(1 - alpha) * l); z.AddTo(upInactive, -1.0);
        Model.AddConstraint(double.NegativeInfinity, upInactive, -(1 - alpha) * l); // h − z − (1−α)l·d ≤ −(1−α)l

        if (Margin > 0)
        {
            double mu = Math.Min(Margin, Math.Min(-l, u) / 2);
            var active = new Expr(); z.AddTo(active, 1.0); active.Add(d, -(mu - l)); // z ≥ l + (μ − l)d
            Model.AddConstraint(l, active, double.PositiveInfinity);
            var inactive = new Expr(); z.AddTo(inactive, 1.0); inactive.Add(d, -(u + mu)); // z ≤ −μ + (u + μ)d
            Model.AddConstraint(double.NegativeInfinity, inactive, -mu);
        }
        return LinearValue.Of(h);
    }

    /// <summary>The activation pattern an incumbent selects: unstable neurons from their binaries,
    /// stable neurons from their bounds.</summary>
    public ActivationPattern PatternOf(ReadOnlySpan<double> solution)
    {
        var active = new Dictionary<int, bool[]>();
        foreach (var relu in Network.Activations)
        {
            var on = new bool[relu.Size];
            for (int j = 0; j < relu.Size; j++)
            {
                var state = Bounds.State(relu.Index, j);
                on[j] = state == NeuronState.StableActive ||
                        (state == NeuronState.Unstable && solution[_binaries[(relu.Index, j)].Index] > 0.5);
            }
            active[relu.Index] = on;
        }
        return new ActivationPattern(active);
    }

    /// <summary>Hints the solver with this copy at a concrete input: every variable of the copy
    /// (inputs, pre-activations, unstable outputs and their phase binaries).</summary>
    public void HintAt(ReadOnlySpan<double> x)
    {
        var values = Network.EvaluateAll(x);
        var hinted = new HashSet<int>();
        for (int node = 0; node < Values.Length; node++)
            for (int j = 0; j < Values[node].Length; j++)
                if (Values[node][j] is { Variable: Var v, Coefficient: 1.0, Constant: 0.0 } && hinted.Add(v.Index))
                    Model.AddHint(v, values[node][j]);
        foreach (var ((node, neuron), d) in _binaries)
            Model.AddHint(d, values[((ReluNode)Network.Nodes[node]).Source][neuron] > 0 ? 1.0 : 0.0);
    }

    public double[] InputsAt(ReadOnlySpan<double> solution)
    {
        var x = new double[Inputs.Length];
        for (int i = 0; i < x.Length; i++) x[i] = Inputs[i].ValueAt(solution);
        return x;
    }
}
