using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>Linear pieces shared by the two-copy problems (math.md, "Invertibility" and "Matching two
/// networks"): differences of two MIP values and the coupling ‖a − b‖_q ≤ η between two copies' outputs
/// (the radius kinds' balls are <see cref="RadiusBall"/>).</summary>
public static class PairCoupling
{
    /// <summary>The interval a value can take in the model (from its variable's bounds).</summary>
    public static (double Lower, double Upper) Range(MipModel model, LinearValue value)
    {
        if (value.Variable is not Var v) return (value.Constant, value.Constant);
        double a = value.Coefficient * model.LowerBound(v) + value.Constant;
        double b = value.Coefficient * model.UpperBound(v) + value.Constant;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>A value equal to a − b: a new variable bounded by the two ranges, or a constant when both are constant.</summary>
    public static LinearValue Difference(MipModel model, LinearValue a, LinearValue b, string? name = null)
    {
        if (a.Variable is null && b.Variable is null) return LinearValue.ConstantValue(a.Constant - b.Constant);
        var (la, ua) = Range(model, a);
        var (lb, ub) = Range(model, b);
        var d = model.AddContinuous(la - ub, ua - lb, name);
        var row = new Expr().Add(d, -1.0);
        a.AddTo(row, 1.0);
        b.AddTo(row, -1.0);
        model.AddConstraint(0.0, row, 0.0);
        return LinearValue.Of(d);
    }

    /// <summary>‖a − b‖_q ≤ η. η = 0 gives exact linear equalities for every q; otherwise q = inf is a
    /// band per component, q = 1 a sum of absolute values (|a_j − b_j| ≤ e_j, Σ e_j ≤ η), q = 2 a
    /// convex quadratic constraint on the differences.</summary>
    public static void AtMost(MipModel model, IReadOnlyList<LinearValue> a, IReadOnlyList<LinearValue> b, NormKind q, double eta)
    {
        if (a.Count != b.Count) throw new ArgumentException("the two output lists differ in length");
        if (eta == 0 || q == NormKind.Inf)
        {
            for (int j = 0; j < a.Count; j++)
            {
                var row = new Expr();
                a[j].AddTo(row, 1.0);
                b[j].AddTo(row, -1.0);
                model.AddConstraint(-eta, row, eta);
            }
            return;
        }
        if (q == NormKind.One)
        {
            var sum = new Expr();
            for (int j = 0; j < a.Count; j++)
            {
                var e = model.AddContinuous(0, eta);
                var plus = new Expr().Add(e); a[j].AddTo(plus, -1.0); b[j].AddTo(plus, 1.0);   // e − (a − b) ≥ 0
                var minus = new Expr().Add(e); a[j].AddTo(minus, 1.0); b[j].AddTo(minus, -1.0); // e + (a − b) ≥ 0
                model.AddConstraint(0.0, plus, double.PositiveInfinity);
                model.AddConstraint(0.0, minus, double.PositiveInfinity);
                sum.Add(e);
            }
            model.AddConstraint(double.NegativeInfinity, sum, eta);
            return;
        }
        var squares = new Expr();
        for (int j = 0; j < a.Count; j++)
        {
            var d = Difference(model, a[j], b[j]);
            if (d.Variable is Var v) squares.AddSquare(v);
            else squares.Constant += d.Constant * d.Constant;
        }
        model.AddConstraint(double.NegativeInfinity, squares, eta * eta);
    }
}
