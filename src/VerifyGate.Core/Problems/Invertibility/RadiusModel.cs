using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>A separation direction of the radius kinds: s(x_i − y_i) ≥ δ (y = c for preimage-radius).</summary>
internal sealed record SeparationDirection(int Coordinate, double Sign)
{
    public string Name => $"{(Sign > 0 ? "+" : "-")}x{Coordinate}";
}

/// <summary>The MIP of a radius kind over given boxes: minimise t s.t. x in its box, ‖x − c‖_p ≤ t, and either
/// f(x) = f(c) (preimage-radius) or y in its box, ‖y − c‖_p ≤ t, f(x) = f(y) (invertibility-radius), with the
/// separation ‖x − y‖_inf ≥ δ as one linear row for a single direction, or as a choice among several directions
/// (one binary each, Σ = 1, s(x_i − y_i) ≥ δ − M(1 − b) with M from the boxes). Every pair of the boxes that meets the
/// constraints is feasible, and only such pairs, so the optimum is the quantity over the boxes.</summary>
internal sealed record RadiusModel(SubProblemModel Built, RadiusBall Ball)
{
    /// <param name="difference">The pair's difference bounds for its difference rows (invertibility-radius); computed here
    /// when null and <see cref="TwoCopyQuery.DifferenceRows"/> is on.</param>
    public static RadiusModel Build(TwoCopyQuery query, NetworkBounds xBounds, NetworkBounds? yBounds,
        IReadOnlyList<SeparationDirection> directions, double atLeast, double atMost, bool feasibilityOnly, DifferenceBounds? difference = null)
    {
        if (directions.Count == 0) throw new ArgumentException("a radius model needs a separation direction");
        var center = query.Center!;
        var model = new MipModel();
        var x = new ForwardEncoding(model, xBounds, "x_");
        var outputs = query.SelectedOutputs;
        var ball = RadiusBall.Add(model, query.InputNorm, Math.Min(atLeast, atMost), atMost);
        ball.Contain(model, x.Inputs, center, "x_");
        ForwardEncoding? y = null;
        IReadOnlyList<LinearValue> other;
        if (query.Kind == TwoCopyKind.InvertibilityRadius)
        {
            y = new ForwardEncoding(model, yBounds ?? throw new ArgumentException("invertibility-radius needs the y box"), "y_");
            ball.Contain(model, y.Inputs, center, "y_");
            PairCoupling.AtMost(model, outputs.Select(o => x.Outputs[o]).ToArray(), outputs.Select(o => y.Outputs[o]).ToArray(), query.OutputNorm, 0.0);
            if (query.DifferenceRows)
                DifferenceRows.Add(model, x, y, difference ?? Differences(query, xBounds, yBounds!));
            other = y.Inputs;
        }
        else
        {
            var target = query.Network.Evaluate(center);
            PairCoupling.AtMost(model, outputs.Select(o => x.Outputs[o]).ToArray(), outputs.Select(o => LinearValue.ConstantValue(target[o])).ToArray(), query.OutputNorm, 0.0);
            other = center.Select(LinearValue.ConstantValue).ToArray();
        }
        Separate(model, x.Inputs, other, directions, query.Separation);
        model.SetMinimize(feasibilityOnly ? new Expr() : Expr.Of(ball.Objective));
        return new RadiusModel(new SubProblemModel(model, v => (x.InputsAt(v), y?.InputsAt(v) ?? (double[])center.Clone())), ball) { X = x, Y = y };
    }

    /// <summary>The difference bounds of a pair of boxes under f(x) = f(y) on the coupled outputs, LP-tightened as the query says.</summary>
    public static DifferenceBounds Differences(TwoCopyQuery query, NetworkBounds xBounds, NetworkBounds yBounds) =>
        DifferenceBounds.Compute(xBounds, yBounds, query.SelectedOutputs, 0, query.DifferenceLpRounds, DifferenceBudgetSeconds);

    private const double DifferenceBudgetSeconds = 1;

    public ForwardEncoding X { get; private init; } = null!;
    public ForwardEncoding? Y { get; private init; }
    public MipModel Model => Built.Model;
    public (double[] X, double[] Y) PairAt(double[] values) => Built.PairAt(values);

    /// <summary>Hints a full solution: the pair (x, y) at radius <paramref name="reach"/>.</summary>
    public void Hint(double[] hx, double[]? hy, double reach)
    {
        X.HintAt(hx);
        if (hy is not null) Y?.HintAt(hy);
        Model.AddHint(Ball.Objective, Ball.ObjectiveOf(reach));
    }

    private static void Separate(MipModel model, IReadOnlyList<LinearValue> x, IReadOnlyList<LinearValue> y,
        IReadOnlyList<SeparationDirection> directions, double delta)
    {
        if (directions.Count == 1)
        {
            var d = directions[0];
            var row = new Expr();
            x[d.Coordinate].AddTo(row, d.Sign);
            y[d.Coordinate].AddTo(row, -d.Sign);
            model.AddConstraint(delta, row, double.PositiveInfinity);   // s(x_i − y_i) ≥ δ
            return;
        }
        var choice = new Expr();
        foreach (var d in directions)
        {
            var b = model.AddBinary($"sep{d.Name}");
            choice.Add(b);
            var (xl, xu) = PairCoupling.Range(model, x[d.Coordinate]);
            var (yl, yu) = PairCoupling.Range(model, y[d.Coordinate]);
            // s(x_i − y_i) is at least its smallest value over the boxes; M makes the row void when b = 0.
            double smallest = d.Sign > 0 ? xl - yu : yl - xu;
            double bigM = Math.Max(0, delta - smallest);
            var row = new Expr().Add(b, -bigM);
            x[d.Coordinate].AddTo(row, d.Sign);
            y[d.Coordinate].AddTo(row, -d.Sign);
            model.AddConstraint(delta - bigM, row, double.PositiveInfinity);   // s(x_i − y_i) ≥ δ − M(1 − b)
        }
        model.AddConstraint(1, choice, 1);
    }

    /// <summary>The distance ‖x − c‖_p of a point (the radius a hint or witness reaches).</summary>
    public static double Distance(double[] x, double[] center, NormKind p) =>
        VectorNorm.Norm(x.Select((v, i) => v - center[i]).ToArray(), p);
}
