using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Finds a point deep inside the region of an activation pattern within the box, by an LP:
/// maximise s subject to σ_i (A_i x + c_i) ≥ s ‖A_i‖₂ for every unstable neuron (σ_i = ±1 its phase)
/// and lo + s ≤ x ≤ hi − s on the free inputs.
/// A positive s means the region has interior, so its Jacobian is attained by nearby pairs.</summary>
public static class RegionInterior
{
    public static (double[] Point, double Depth)? Find(NetworkBounds bounds, ActivationPattern pattern, LocalAffineMap map,
        IMipSolver solver, double timeLimitSeconds, CancellationToken cancellation)
    {
        var network = bounds.Network;
        var lo = bounds.Lower(0);
        var hi = bounds.Upper(0);
        var model = new MipModel();
        var x = new Var?[lo.Length];
        for (int i = 0; i < lo.Length; i++)
            if (lo[i] < hi[i]) x[i] = model.AddContinuous(lo[i], hi[i]);
        double width = lo.Select((l, i) => hi[i] - l).DefaultIfEmpty(0).Max();
        var depth = model.AddContinuous(0, Math.Max(width, 1e-12));
        // Deep inside the box too: a point on the box's boundary may leave no room along the direction.
        for (int i = 0; i < lo.Length; i++)
        {
            if (x[i] is not Var xi) continue;
            model.AddConstraint(lo[i], new Expr().Add(xi).Add(depth, -1.0), double.PositiveInfinity);
            model.AddConstraint(double.NegativeInfinity, new Expr().Add(xi).Add(depth, 1.0), hi[i]);
        }
        foreach (var relu in network.Activations)
        {
            var on = pattern.Active(relu.Index);
            var slope = map.Slopes[relu.Source];
            var offset = map.Offsets[relu.Source];
            for (int r = 0; r < relu.Size; r++)
            {
                if (bounds.State(relu.Index, r) != NeuronState.Unstable) continue;
                double sign = on[r] ? 1.0 : -1.0;
                var expr = new Expr { Constant = sign * offset[r] };
                double norm = 0;
                for (int j = 0; j < lo.Length; j++)
                {
                    double a = sign * slope[r, j];
                    if (a == 0) continue;
                    if (x[j] is Var v) { expr.Add(v, a); norm += a * a; }
                    else expr.Constant += a * lo[j];
                }
                expr.Add(depth, -Math.Sqrt(norm));
                model.AddConstraint(0.0, expr, double.PositiveInfinity);
            }
        }
        model.SetMaximize(Expr.Of(depth));
        var result = solver.Solve(model, new SolveOptions { TimeLimitSeconds = timeLimitSeconds }, cancellation);
        if (result.Values is null || result.Objective is not double s || s <= 1e-12 * Math.Max(1, width)) return null;
        var point = new double[lo.Length];
        for (int i = 0; i < lo.Length; i++) point[i] = x[i] is Var v ? result.Values[v.Index] : lo[i];
        return (point, s);
    }
}
