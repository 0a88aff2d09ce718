using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Reporting;

/// <summary>How the certified bounds closed over the run: the lower bound (best confirmed witness) and the upper bound
/// (proven) as steps over seconds, with the threshold. Lower is the best confirmed witness, upper the best proven bound. Null when the run reported fewer than two moments.</summary>
internal static class TracePicture
{
    public static string? Render(CheckResult result)
    {
        var samples = result.Trace;
        if (samples.Count < 2) return null;
        var model = Svg.Model("certified bounds over the run");
        model.PlotMargins = new OxyThickness(50, 8, 12, 40);
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Inside, LegendBackground = OxyColor.FromAColor(220, OxyColors.White) });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "seconds", Minimum = 0 });
        var lower = new StairStepSeries { Title = "lower", Color = Svg.Failed, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 2.5, MarkerFill = Svg.Failed };
        var upper = new StairStepSeries { Title = "upper", Color = Svg.Passed, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 2.5, MarkerFill = Svg.Passed };
        foreach (var s in samples)
        {
            if (IntervalPicture.Finite(s.Lower) is double lo) lower.Points.Add(new DataPoint(s.Seconds, lo));
            if (IntervalPicture.Finite(s.Upper) is double up) upper.Points.Add(new DataPoint(s.Seconds, up));
        }
        if (lower.Points.Count == 0 && upper.Points.Count == 0) return null;
        // The first upper bounds of a search can be orders of magnitude above the answer: the view ends a bit above the
        // final bounds and the threshold, and earlier steps run off its top.
        double? threshold = result.Threshold?.AtMost ?? result.Threshold?.AtLeast;
        double[] settled = [.. new[] { IntervalPicture.Finite(result.Lower), IntervalPicture.Finite(result.Upper), threshold }.OfType<double>()
            .Concat(lower.Points.Select(p => p.Y))];
        double top = settled.Length > 0 ? settled.Max() : upper.Points.Min(p => p.Y);
        double bottom = Math.Min(0, settled.Length > 0 ? settled.Min() : 0);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = bottom, Maximum = top + 0.35 * (top - bottom) + 1e-9 });
        model.Series.Add(Drawable(lower));
        model.Series.Add(Drawable(upper));
        if (threshold is double t)
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Horizontal, Y = t, Color = Svg.Threshold, LineStyle = LineStyle.Dash, StrokeThickness = 1.5,
                Text = $"threshold {ResultText.Number(t)}", TextColor = Svg.Threshold,
            });
        return Svg.Export(model, 640, 240);
    }

    /// <summary>A bound known at one moment only (a witness found at the end) is a mark: steps need two points.</summary>
    private static Series Drawable(StairStepSeries steps)
    {
        if (steps.Points.Count != 1) return steps;
        var mark = new ScatterSeries { Title = steps.Title, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = steps.Color };
        mark.Points.Add(new ScatterPoint(steps.Points[0].X, steps.Points[0].Y));
        return mark;
    }
}
