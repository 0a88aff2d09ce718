using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>Variables v with ‖v‖_p ≤ 1; fixed coordinates are the constant 0.
/// p = inf: a box; p = 1: |v_i| ≤ a_i, Σ a_i ≤ 1; p = 2: Σ v_i² ≤ 1 (a convex quadratic constraint).</summary>
public static class NormBall
{
    public static LinearValue[] Add(MipModel model, bool[] fixedCoordinates, NormKind p, string prefix)
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
                var sum = new Expr();
                foreach (var v in free)
                {
                    var a = model.AddContinuous(0.0, 1.0, $"{prefix}abs{v.Index}");
                    model.AddConstraint(0.0, new Expr().Add(a).Add(v, -1.0), double.PositiveInfinity);
                    model.AddConstraint(0.0, new Expr().Add(a).Add(v, 1.0), double.PositiveInfinity);
                    sum.Add(a);
                }
                model.AddConstraint(double.NegativeInfinity, sum, 1.0);
                break;
            case NormKind.Two:
                var squares = new Expr();
                foreach (var v in free) squares.AddSquare(v);
                model.AddConstraint(double.NegativeInfinity, squares, 1.0);
                break;
        }
        return values;
    }
}
