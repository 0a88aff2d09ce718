using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>The radius kinds' balls ‖x − c‖_p ≤ t around a centre, with t the variable minimised.
/// p = inf: |x_i − c_i| ≤ t; p = 1: a_i ≥ |x_i − c_i|, Σ a_i ≤ t; p = 2: Σ (x_i − c_i)² ≤ s, where the variable is
/// s = t² (a convex quadratic constraint; ‖x − c‖_2 ≤ t with t itself a variable is a cone SCIP would have to detect).
/// <see cref="RadiusOf"/> and <see cref="ObjectiveOf"/> convert between the variable and the radius.
/// Inputs that are constants (fixed inputs) are the centre's own values and add nothing.</summary>
public sealed class RadiusBall
{
    private RadiusBall(NormKind norm, Var objective)
    {
        Norm = norm;
        Objective = objective;
    }

    public NormKind Norm { get; }

    /// <summary>t for p = inf and 1, t² for p = 2.</summary>
    public Var Objective { get; }

    /// <summary>The objective variable for radii in [<paramref name="atLeast"/>, <paramref name="atMost"/>].</summary>
    public static RadiusBall Add(MipModel model, NormKind norm, double atLeast, double atMost, string name = "t") =>
        new(norm, model.AddContinuous(ObjectiveOf(norm, Math.Max(0, atLeast)), ObjectiveOf(norm, atMost), name));

    public double RadiusOf(double objective) => Norm == NormKind.Two ? Math.Sqrt(Math.Max(0, objective)) : objective;

    public double ObjectiveOf(double radius) => ObjectiveOf(Norm, radius);

    private static double ObjectiveOf(NormKind norm, double radius) => norm == NormKind.Two ? radius * radius : radius;

    /// <summary>Adds ‖x − c‖_p ≤ t for one copy's inputs.</summary>
    public void Contain(MipModel model, IReadOnlyList<LinearValue> x, IReadOnlyList<double> center, string prefix)
    {
        var free = Enumerable.Range(0, x.Count).Where(i => x[i].Variable is not null).ToArray();
        switch (Norm)
        {
            case NormKind.Inf:
                foreach (int i in free)
                {
                    var below = new Expr().Add(Objective); x[i].AddTo(below, 1.0);    // x_i + t ≥ c_i
                    var above = new Expr().Add(Objective); x[i].AddTo(above, -1.0);   // t − x_i ≥ −c_i
                    model.AddConstraint(center[i], below, double.PositiveInfinity);
                    model.AddConstraint(-center[i], above, double.PositiveInfinity);
                }
                break;
            case NormKind.One:
                var sum = new Expr().Add(Objective, -1.0);
                foreach (int i in free)
                {
                    var (lo, hi) = PairCoupling.Range(model, x[i]);
                    var a = model.AddContinuous(0, Math.Max(Math.Abs(lo - center[i]), Math.Abs(hi - center[i])), $"{prefix}dist{i}");
                    var plus = new Expr().Add(a); x[i].AddTo(plus, -1.0);     // a − x_i ≥ −c_i
                    var minus = new Expr().Add(a); x[i].AddTo(minus, 1.0);    // a + x_i ≥ c_i
                    model.AddConstraint(-center[i], plus, double.PositiveInfinity);
                    model.AddConstraint(center[i], minus, double.PositiveInfinity);
                    sum.Add(a);
                }
                model.AddConstraint(double.NegativeInfinity, sum, 0.0);   // Σ a_i − t ≤ 0
                break;
            case NormKind.Two:
                var squares = new Expr().Add(Objective, -1.0);
                foreach (int i in free)
                {
                    var (lo, hi) = PairCoupling.Range(model, x[i]);
                    var u = model.AddContinuous(lo - center[i], hi - center[i], $"{prefix}off{i}");
                    var row = new Expr().Add(u, -1.0); x[i].AddTo(row, 1.0);   // x_i − u_i = c_i
                    model.AddConstraint(center[i], row, center[i]);
                    squares.AddSquare(u);
                }
                model.AddConstraint(double.NegativeInfinity, squares, 0.0);   // Σ u_i² − s ≤ 0
                break;
        }
    }
}
