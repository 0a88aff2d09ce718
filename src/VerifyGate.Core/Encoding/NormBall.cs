using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>Variables v with ‖v‖_p ≤ 1; fixed coordinates are the constant 0.
/// p = inf: a box; p = 1: |v_i| ≤ a_i, Σ a_i ≤ 1; p = 2: Σ v_i² ≤ 1 (a convex quadratic constraint),
/// or, when <paramref name="twoBallCuts"/> is given, a polyhedral OUTER approximation of that ball
/// (linear, so the model can stay a MILP): |v_i| ≤ 1, Σ|v_i| ≤ √n and u·v ≤ 1 for every unit vector u
/// given. Every one of these holds on the l2 ball, so the feasible set only grows.</summary>
public static class NormBall
{
    public static LinearValue[] Add(MipModel model, bool[] fixedCoordinates, NormKind p, string prefix,
        IReadOnlyList<double[]>? twoBallCuts = null)
    {
        var values = new LinearValue[fixedCoordinates.Length];
        var free = new List<Var>();
        for (int i = 0; i < values.Length; i++)
        {
            if (fixedCoordinates[i])
            {
                values[i] = LinearValue.ConstantValue(0.0);
                continue;
            }
            var v = model.AddContinuous(-1.0, 1.0, $"{prefix}{i}");
            free.Add(v);
            values[i] = LinearValue.Of(v);
        }
        switch (p)
        {
            case NormKind.One:
                model.AddConstraint(double.NegativeInfinity, AbsoluteSum(model, free, prefix), 1.0);
                break;
            case NormKind.Two when twoBallCuts is not null:
                AddOuterTwoBall(model, values, free, twoBallCuts, prefix);
                break;
            case NormKind.Two:
                var squares = new Expr();
                foreach (var v in free) squares.AddSquare(v);
                model.AddConstraint(double.NegativeInfinity, squares, 1.0);
                break;
        }
        return values;
    }

    /// <summary>Σ a_i with a_i ≥ |v_i| (a_i in [0, 1]), so that a bound on the sum bounds Σ|v_i|.</summary>
    private static Expr AbsoluteSum(MipModel model, List<Var> free, string prefix)
    {
        var sum = new Expr();
        foreach (var v in free)
        {
            var a = model.AddContinuous(0.0, 1.0, $"{prefix}abs{v.Index}");
            model.AddConstraint(0.0, new Expr().Add(a).Add(v, -1.0), double.PositiveInfinity);
            model.AddConstraint(0.0, new Expr().Add(a).Add(v, 1.0), double.PositiveInfinity);
            sum.Add(a);
        }
        return sum;
    }

    private static void AddOuterTwoBall(MipModel model, LinearValue[] values, List<Var> free, IReadOnlyList<double[]> cuts, string prefix)
    {
        var sum = AbsoluteSum(model, free, prefix);
        // Σ|v_i| ≤ √n ‖v‖_2; the right-hand side is rounded up so that float64 cannot cut into the ball.
        if (free.Count > 0) model.AddConstraint(double.NegativeInfinity, sum, Math.Sqrt(free.Count) * (1 + 1e-15));
        foreach (var u in cuts)
        {
            if (u.Length != values.Length) throw new ArgumentException("a cut has the wrong length", nameof(cuts));
            double norm = Math.Sqrt(Enumerable.Range(0, u.Length).Where(i => values[i].Variable is not null).Sum(i => u[i] * u[i]));
            if (!(norm > 0)) continue;
            var row = new Expr();
            for (int i = 0; i < values.Length; i++)
                if (values[i].Variable is not null && u[i] != 0) values[i].AddTo(row, u[i]);
            // u·v ≤ ‖u‖ on the unit ball (Cauchy–Schwarz); the margin covers float64 rounding of ‖u‖.
            model.AddConstraint(double.NegativeInfinity, row, norm * (1 + 1e-12));
        }
    }
}
