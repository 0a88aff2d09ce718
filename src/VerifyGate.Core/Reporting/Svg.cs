using OxyPlot;

namespace VerifyGate.Core.Reporting;

/// <summary>The report's pictures as inline SVG (OxyPlot's exporter: managed code, text measured without a drawing
/// library), in one style: outcome colours, the page's font, no background.</summary>
internal static class Svg
{
    private static long s_pictures;

    public static readonly OxyColor Passed = OxyColor.Parse("#1a7f37");
    public static readonly OxyColor Failed = OxyColor.Parse("#cf222e");
    public static readonly OxyColor Inconclusive = OxyColor.Parse("#bf8700");
    public static readonly OxyColor Neutral = OxyColor.Parse("#57606a");
    public static readonly OxyColor Threshold = OxyColor.Parse("#0969da");

    public static OxyColor Of(Checking.Outcome outcome) => outcome switch
    {
        Checking.Outcome.Passed => Passed,
        Checking.Outcome.Failed => Failed,
        Checking.Outcome.Inconclusive => Inconclusive,
        _ => Neutral,
    };

    public static PlotModel Model(string title) => new()
    {
        Title = title,
        TitleFontSize = 13,
        TitleFontWeight = FontWeights.Normal,
        DefaultFont = "sans-serif",
        DefaultFontSize = 11,
        PlotAreaBorderColor = OxyColor.Parse("#d0d7de"),
        Background = OxyColors.Transparent,
    };

    /// <summary>An <c>&lt;svg&gt;</c> element to place in the page.</summary>
    public static string Export(PlotModel model, int width, int height)
    {
        string svg = SvgExporter.ExportToString(model, width, height, isDocument: false);
        // The exporter starts even a fragment with an XML declaration, which has no place inside HTML.
        if (svg.StartsWith("<?xml", StringComparison.Ordinal)) svg = svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        // Every picture numbers its clip paths from 1, and ids are shared by all the SVG in one HTML page: without a
        // prefix of its own each picture would be clipped by the first picture's rectangles.
        string prefix = $"vg{Interlocked.Increment(ref s_pictures)}-";
        svg = svg.Replace("id=\"clipPath", $"id=\"{prefix}clipPath", StringComparison.Ordinal)
                 .Replace("url(#clipPath", $"url(#{prefix}clipPath", StringComparison.Ordinal);
        // A view box lets the page scale the picture down on a narrow window and keep its proportions.
        return svg.StartsWith("<svg ", StringComparison.Ordinal) ? $"<svg viewBox=\"0 0 {width} {height}\" {svg[5..]}" : svg;
    }
}
