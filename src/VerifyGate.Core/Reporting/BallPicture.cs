using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Reporting;

/// <summary>The input plane of a radius kind on a two-input map (the sample's Van der Pol step, the Brusselator): the
/// centre, the certified ball (radius = the certified lower bound), the searched ball (maxRadius, dashed) and the
/// witness pair, joined. Balls are drawn in the property's norm: a square (l_inf), a diamond (l1) or a circle (l2).</summary>
internal static class BallPicture
{
    public static string? Render(CheckResult result)
    {
        if (result.Ball is not { Center.Length: 2 } ball) return null;
        var model = Svg.Model("input plane");
        model.PlotType = PlotType.Cartesian;
        model.PlotMargins = new OxyThickness(50, 8, 12, 40);
        // Annotations do not widen the axes: the view is set to hold the searched ball, the certified one and the witness.
        double reach = new[] { ball.MaxRadius, IntervalPicture.Finite(result.Lower) }.OfType<double>().DefaultIfEmpty(1).Max();
        if (result.Witness is { X.Length: 2, Y.Length: 2 } seen)
            reach = new[] { seen.X, seen.Y }.Select(p => Math.Max(Math.Abs(p[0] - ball.Center[0]), Math.Abs(p[1] - ball.Center[1]))).Append(reach).Max();
        reach *= 1.15;
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "x[0]", Minimum = ball.Center[0] - reach, Maximum = ball.Center[0] + reach });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "x[1]", Minimum = ball.Center[1] - reach, Maximum = ball.Center[1] + reach });
        if (ball.MaxRadius is double max) model.Annotations.Add(Outline(ball, max, Svg.Neutral, LineStyle.Dash, "maxRadius"));
        if (IntervalPicture.Finite(result.Lower) is double r and > 0) model.Annotations.Add(Outline(ball, r, Svg.Of(result.Outcome), LineStyle.Solid, "certified"));
        var centre = new ScatterSeries { Title = "centre", MarkerType = MarkerType.Cross, MarkerSize = 6, MarkerStroke = OxyColors.Black, MarkerStrokeThickness = 2 };
        centre.Points.Add(new ScatterPoint(ball.Center[0], ball.Center[1]));
        model.Series.Add(centre);
        if (result.Witness is { X.Length: 2, Y.Length: 2 } w)
        {
            var pair = new LineSeries { Title = "witness pair", Color = Svg.Failed, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = Svg.Failed };
            pair.Points.Add(new DataPoint(w.X[0], w.X[1]));
            pair.Points.Add(new DataPoint(w.Y[0], w.Y[1]));
            model.Series.Add(pair);
        }
        return Svg.Export(model, 400, 420);
    }

    private static PolygonAnnotation Outline(InputBall ball, double radius, OxyColor colour, LineStyle style, string label)
    {
        var outline = new PolygonAnnotation
        {
            Stroke = colour, StrokeThickness = 1.5, LineStyle = style, Fill = OxyColor.FromAColor(25, colour),
            Text = label, TextColor = colour, TextPosition = new DataPoint(ball.Center[0], ball.Center[1] + radius),
        };
        const int Steps = 96;
        for (int k = 0; k < Steps; k++)
        {
            double angle = 2 * Math.PI * k / Steps, cx = Math.Cos(angle), cy = Math.Sin(angle);
            // The unit sphere of the norm along this direction: scale the direction to norm 1.
            double norm = ball.Norm switch
            {
                NormKind.One => Math.Abs(cx) + Math.Abs(cy),
                NormKind.Two => 1,
                _ => Math.Max(Math.Abs(cx), Math.Abs(cy)),
            };
            outline.Points.Add(new DataPoint(ball.Center[0] + radius * cx / norm, ball.Center[1] + radius * cy / norm));
        }
        return outline;
    }
}
