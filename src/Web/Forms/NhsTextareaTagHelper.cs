using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>
/// An NHS.UK textarea; with <c>max-length</c> it is the character count component, whose limit is also stated
/// in words, so that people without JavaScript know it too.
/// </summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper : NhsFieldTagHelper
{
    /// <summary>The label.</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = string.Empty;

    /// <summary>The label's size class, such as <c>nhsuk-label--m</c>.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>Whether the label is the page's h1.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>How many rows tall.</summary>
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    /// <summary>The character limit, if any.</summary>
    [HtmlAttributeName("max-length")]
    public int? MaxLength { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = DescribedBy;
        string? counter = null;
        if (MaxLength is { } limit)
        {
            BeginFormGroup(output, "nhsuk-character-count");
            output.Attributes.SetAttribute("data-module", "nhsuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", limit.ToString(CultureInfo.InvariantCulture));
            describedBy = describedBy is null ? $"{Id}-info" : $"{Id}-info {describedBy}";
            counter = $"<div class=\"nhsuk-hint nhsuk-character-count__message\" id=\"{Id}-info\">You can enter up to {limit.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters</div>";
        }
        else
        {
            BeginFormGroup(output);
        }

        var classes = "nhsuk-textarea" + (MaxLength is null ? "" : " nhsuk-js-character-count") + (Error is null ? "" : " nhsuk-textarea--error");
        var textarea = $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\""
            + (describedBy is null ? "" : $" aria-describedby=\"{describedBy}\"")
            + $">{Encode(Value)}</textarea>";
        output.Content.SetHtmlContent(LabelHtml(Label, LabelClass, IsPageHeading) + HintAndError() + textarea + counter);
    }
}
