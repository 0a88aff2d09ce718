using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>A tangent vector v (‖v‖_p ≤ 1, zero on fixed inputs) pushed through the activation pattern
/// of a <see cref="ForwardEncoding"/>: affine nodes map tangents linearly (no bias), an unstable
/// neuron maps t to αt + (1−α)·d·t, with d·t linearised exactly for binary d by its tangent bounds
/// [tl, tu]: tl·d ≤ w ≤ tu·d and tl·(1−d) ≤ t − w ≤ tu·(1−d). The output tangent is J v.</summary>
public sealed class TangentEncoding
{
    /// <param name="twoBallCuts">For an l2 input ball: replace the quadratic constraint by a polyhedral
    /// outer approximation with these tangent cuts (see <see cref="NormBall"/>); null keeps the exact ball.</param>
    public TangentEncoding(ForwardEncoding forward, TangentBounds tangentBounds, NormKind inputNorm, string prefix = "",
        IReadOnlyList<double[]>? twoBallCuts = null)
    {
        var model = forward.Model;
        var network = forward.Network;
        Values = new LinearValue[network.Nodes.Count][];
        Values[0] = NormBall.Add(model, forward.Inputs.Select(v => v.Variable is null).ToArray(), inputNorm, prefix + "v", twoBallCuts);
        for (int i = 1; i < network.Nodes.Count; i++)
        {
            Values[i] = network.Nodes[i] switch
            {
                AffineNode affine => EncodeAffine(model, affine, tangentBounds, prefix),
                ReluNode relu => EncodeActivation(model, forward, relu, tangentBounds, prefix),
                var other => throw new NetworkException($"cannot encode node type {other.GetType().Name}"),
            };
        }
    }

    public LinearValue[][] Values { get; }
    public LinearValue[] Direction => Values[0];

    public LinearValue[] OutputTangent(Network network) => Values[network.OutputIndex];

    public double[] DirectionAt(ReadOnlySpan<double> solution)
    {
        var v = new double[Direction.Length];
        for (int i = 0; i < v.Length; i++) v[i] = Direction[i].ValueAt(solution);
        return v;
    }

    private LinearValue[] EncodeAffine(MipModel model, AffineNode node, TangentBounds tb, string prefix)
    {
        var result = new LinearValue[node.Size];
        for (int r = 0; r < node.Size; r++)
        {
            var expr = new Expr();
            foreach (var term in node.Terms)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                var source = Values[term.Source];
                for (int k = 0; k < cols.Length; k++) source[cols[k]].AddTo(expr, vals[k]);
            }
            double lo = tb.Lower(node.Index, r), hi = tb.Upper(node.Index, r);
            if (lo == 0 && hi == 0)
            {
                result[r] = LinearValue.ConstantValue(0.0);
                continue;
            }
            var t = model.AddContinuous(lo, hi, $"{prefix}t{node.Index}_{r}");
            expr.Add(t, -1.0);
            model.AddConstraint(0.0, expr, 0.0);
            result[r] = LinearValue.Of(t);
        }
        return result;
    }

    private LinearValue[] EncodeActivation(MipModel model, ForwardEncoding forward, ReluNode node, TangentBounds tb, string prefix)
    {
        double alpha = node.NegativeSlope;
        var source = Values[node.Source];
        var result = new LinearValue[node.Size];
        for (int j = 0; j < node.Size; j++)
        {
            switch (forward.Bounds.State(node.Index, j))
            {
                case NeuronState.StableActive:
                    result[j] = source[j];
                    continue;
                case NeuronState.StableInactive:
                    result[j] = source[j].Scale(alpha);
                    continue;
            }
            double tl = tb.Lower(node.Source, j), tu = tb.Upper(node.Source, j);
            if (source[j].Variable is null)
            {
                result[j] = source[j].Scale(alpha);  // a zero tangent stays zero
                continue;
            }
            var d = forward.Binary(node.Index, j)!.Value;
            var w = model.AddContinuous(Math.Min(tl, 0), Math.Max(tu, 0), $"{prefix}w{node.Index}_{j}");
            // tl·d ≤ w ≤ tu·d
            model.AddConstraint(0.0, new Expr().Add(w).Add(d, -tl), double.PositiveInfinity);
            model.AddConstraint(double.NegativeInfinity, new Expr().Add(w).Add(d, -tu), 0.0);
            // tl·(1−d) ≤ t − w ≤ tu·(1−d)
            var lowerSide = new Expr().Add(w, -1.0).Add(d, tl); source[j].AddTo(lowerSide, 1.0);
            model.AddConstraint(tl, lowerSide, double.PositiveInfinity);
            var upperSide = new Expr().Add(w, -1.0).Add(d, tu); source[j].AddTo(upperSide, 1.0);
            model.AddConstraint(double.NegativeInfinity, upperSide, tu);
            if (alpha == 0)
            {
                result[j] = LinearValue.Of(w);
                continue;
            }
            // s = αt + (1−α)w
            var s = model.AddContinuous(tb.Lower(node.Index, j), tb.Upper(node.Index, j), $"{prefix}s{node.Index}_{j}");
            var def = new Expr().Add(s, -1.0).Add(w, 1 - alpha); source[j].AddTo(def, alpha);
            model.AddConstraint(0.0, def, 0.0);
            result[j] = LinearValue.Of(s);
        }
        return result;
    }
}
