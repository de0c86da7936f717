using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>
/// An NHS.UK select with its label, hint and error. Options come as <c>items</c>, <c>groups</c> (optgroups), or
/// both; a first empty option is added with <c>placeholder</c>.
/// </summary>
[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper : NhsFieldTagHelper
{
    /// <summary>The label.</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = string.Empty;

    /// <summary>The label's size class.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>Whether the label is the page's h1.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>Text of an empty first option, such as "Choose a service".</summary>
    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; }

    /// <summary>Options outside any group, listed first.</summary>
    [HtmlAttributeName("items")]
    public IEnumerable<ChoiceItem> Items { get; set; } = [];

    /// <summary>Grouped options.</summary>
    [HtmlAttributeName("groups")]
    public IEnumerable<ChoiceGroup> Groups { get; set; } = [];

    /// <summary>Options outside any group, listed last (such as "Not in the list").</summary>
    [HtmlAttributeName("items-after")]
    public IEnumerable<ChoiceItem> ItemsAfter { get; set; } = [];

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        BeginFormGroup(output);
        var selected = Value;
        string Option(ChoiceItem item) =>
            $"<option value=\"{Encode(item.Value)}\"{(item.Value == selected ? " selected" : "")}>{Encode(item.Text)}</option>";

        var options = (Placeholder is null ? "" : $"<option value=\"\">{Encode(Placeholder)}</option>")
            + string.Concat(Items.Select(Option))
            + string.Concat(Groups.Select(group => $"<optgroup label=\"{Encode(group.Label)}\">{string.Concat(group.Items.Select(Option))}</optgroup>"))
            + string.Concat(ItemsAfter.Select(Option));
        var classes = "nhsuk-select" + (Error is null ? "" : " nhsuk-select--error");
        output.Content.SetHtmlContent(
            LabelHtml(Label, LabelClass, IsPageHeading) + HintAndError()
            + $"<select class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\"{(DescribedBy is { } describedBy ? $" aria-describedby=\"{describedBy}\"" : "")}>{options}</select>");
    }
}
