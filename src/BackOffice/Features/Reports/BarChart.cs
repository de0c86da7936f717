using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// A horizontal bar chart drawn as SVG (no script, prints as drawn), always followed on the page by a table of its
/// data: the chart is for the eye, the table for everyone.
/// </summary>
/// <param name="Label">What it shows, for people who cannot see it, naming the table that has its data.</param>
/// <param name="Bars">Each bar's label and value.</param>
/// <param name="Unit">What a value is ("%", " per 100").</param>
public sealed record BarChart(string Label, IReadOnlyList<(string Label, double Value)> Bars, string Unit)
{
    private const int Row = 22;
    private const int LabelWidth = 250;
    private const int BarWidth = 280;
    private const int LongestLabel = 36;

    /// <summary>The chart as an SVG figure.</summary>
    public IHtmlContent ToHtml()
    {
        var encoder = HtmlEncoder.Default;
        var invariant = CultureInfo.InvariantCulture;
        var max = Math.Max(1, Bars.Count == 0 ? 0 : Bars.Max(bar => bar.Value));
        var svg = new StringBuilder();
        svg.Append(invariant, $"<figure class=\"qv-report-chart\"><svg role=\"img\" aria-label=\"{encoder.Encode(Label)}\" viewBox=\"0 0 600 {Bars.Count * Row}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < Bars.Count; i++)
        {
            var (label, value) = Bars[i];
            var width = BarWidth * value / max;
            var text = label.Length > LongestLabel ? label[..(LongestLabel - 1)] + "…" : label;
            var shown = value.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + Unit;
            svg.Append(invariant, $"<text x=\"0\" y=\"{(i * Row) + 15}\" font-size=\"13\" fill=\"#212b32\">{encoder.Encode(text)}</text>");
            svg.Append(invariant, $"<rect x=\"{LabelWidth}\" y=\"{(i * Row) + 3}\" width=\"{width:0.#}\" height=\"15\" fill=\"#005eb8\"></rect>");
            svg.Append(invariant, $"<text x=\"{LabelWidth + width + 6:0.#}\" y=\"{(i * Row) + 15}\" font-size=\"13\" fill=\"#212b32\">{encoder.Encode(shown)}</text>");
        }

        svg.Append("</svg></figure>");
        return new HtmlString(svg.ToString());
    }
}
