using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Reporting;

/// <summary>The certified interval [lower, upper] of a property as a bar on the quantity's axis, with its threshold as
/// a line: passed when the bar lies on the threshold's good side, failed when the lower end (the witness) is past it.
/// An unknown or infinite end is drawn to the edge, marked with an arrow.</summary>
internal static class IntervalPicture
{
    public static string? Render(CheckResult result)
    {
        double? threshold = result.Threshold?.AtMost ?? result.Threshold?.AtLeast;
        double? lower = Finite(result.Lower);
        double? upper = Finite(result.Upper);
        if (lower is null && upper is null && threshold is null) return null;

        double[] known = [.. new[] { lower, upper, threshold }.OfType<double>()];
        double min = Math.Min(0, known.Min()), max = known.Max();
        double pad = Math.Max(max - min, Math.Abs(max)) * 0.08 + 1e-9;
        double left = min - (min < 0 ? pad : 0), right = max + pad;

        var model = Svg.Model("");
        model.PlotMargins = new OxyThickness(70, 8, 12, 40);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = left, Maximum = right, Title = QuantityTitle(result) });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = 1, IsAxisVisible = false });
        double from = lower ?? left, to = upper ?? right;
        model.Annotations.Add(new RectangleAnnotation
        {
            MinimumX = from, MaximumX = to, MinimumY = 0.3, MaximumY = 0.7,
            Fill = OxyColor.FromAColor(170, Svg.Of(result.Outcome)), Stroke = Svg.Of(result.Outcome), StrokeThickness = 1,
            Text = $"[{ResultText.Number(result.Lower)}, {(upper is null ? "∞" : ResultText.Number(upper))}]", TextColor = OxyColors.Black,
        });
        if (upper is null) model.Annotations.Add(new ArrowAnnotation { StartPoint = new DataPoint(to - pad, 0.5), EndPoint = new DataPoint(to, 0.5), Color = Svg.Neutral });
        if (threshold is double t)
        {
            string side = result.Threshold!.AtMost is not null ? "atMost" : "atLeast";
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical, X = t, Color = Svg.Threshold, StrokeThickness = 2, LineStyle = LineStyle.Dash,
                Text = $"{side} {ResultText.Number(t)}", TextColor = Svg.Threshold, TextOrientation = AnnotationTextOrientation.Horizontal,
                TextVerticalAlignment = VerticalAlignment.Top,
            });
        }
        return Svg.Export(model, 640, 110);
    }

    internal static string QuantityTitle(CheckResult result) => result.Kind switch
    {
        "lipschitz" => "Lipschitz constant",
        "invertibility-radius" or "preimage-radius" => "radius",
        "" => "value",
        _ => result.Kind,
    };

    internal static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
}
