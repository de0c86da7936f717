using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>
/// NHS.UK radios (<c>&lt;nhs-radios&gt;</c>) or checkboxes (<c>&lt;nhs-checkboxes&gt;</c>) in a fieldset with a legend.
/// There are no conditional reveals: the NHS.UK frontend marks a revealing radio with <c>aria-expanded</c>, which
/// radios may not carry, so a follow-up question goes after the fieldset instead.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsChoicesTagHelper : NhsFieldTagHelper
{
    /// <summary>The question, as the fieldset's legend.</summary>
    [HtmlAttributeName("legend")]
    public string Legend { get; set; } = string.Empty;

    /// <summary>The legend's size class, such as <c>nhsuk-fieldset__legend--l</c>.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    /// <summary>Whether the legend is the page's h1.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>The options.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<ChoiceItem> Items { get; set; } = [];

    /// <summary>Shows the options side by side (for two short options such as Yes and No).</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var kind = context.TagName == "nhs-checkboxes" ? "checkboxes" : "radios";
        var type = kind == "checkboxes" ? "checkbox" : "radio";
        BeginFormGroup(output);

        var selected = SelectedValues();
        var legendClasses = "nhsuk-fieldset__legend" + (LegendClass is null ? "" : " " + LegendClass);
        var legendText = IsPageHeading ? $"<h1 class=\"nhsuk-fieldset__heading\">{Encode(Legend)}</h1>" : Encode(Legend);
        var html = $"<fieldset class=\"nhsuk-fieldset\"{(DescribedBy is { } describedBy ? $" aria-describedby=\"{describedBy}\"" : "")}>"
            + $"<legend class=\"{legendClasses}\">{legendText}</legend>"
            + HintAndError()
            + $"<div class=\"nhsuk-{kind}{(Inline ? $" nhsuk-{kind}--inline" : "")}\" data-module=\"nhsuk-{kind}\">";

        var index = 0;
        foreach (var item in Items)
        {
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            index++;
            if (item.DividerBefore is not null)
            {
                html += $"<div class=\"nhsuk-{kind}__divider\">{Encode(item.DividerBefore)}</div>";
            }

            var isChecked = selected.Contains(item.Value);
            html += $"<div class=\"nhsuk-{kind}__item\">"
                + $"<input class=\"nhsuk-{kind}__input\" id=\"{itemId}\" name=\"{Encode(Name)}\" type=\"{type}\" value=\"{Encode(item.Value)}\""
                + (isChecked ? " checked" : "")
                + (item.Hint is null ? "" : $" aria-describedby=\"{itemId}-item-hint\"")
                + ">"
                + $"<label class=\"nhsuk-label nhsuk-{kind}__label\" for=\"{itemId}\">{Encode(item.Text)}</label>"
                + (item.Hint is null ? "" : $"<div class=\"nhsuk-hint nhsuk-{kind}__hint\" id=\"{itemId}-item-hint\">{Encode(item.Hint)}</div>")
                + "</div>";
        }

        html += "</div></fieldset>";
        output.Content.SetHtmlContent(html);
    }

    private HashSet<string> SelectedValues()
    {
        if (ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] many => [.. many],
                string one => [one],
                _ => [],
            };
        }

        return For.Model switch
        {
            null => [],
            string one => [one],
            IEnumerable<string> many => [.. many],
            var other => [other.ToString() ?? string.Empty],
        };
    }
}
