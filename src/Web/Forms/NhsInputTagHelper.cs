using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>An NHS.UK text input with its label, hint and error: <c>&lt;nhs-input for="Email" label="Email address" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : NhsFieldTagHelper
{
    /// <summary>The label.</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = string.Empty;

    /// <summary>The label's size class, such as <c>nhsuk-label--l</c>.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>Whether the label is the page's h1.</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>The input type: text, email, password, search.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    /// <summary>A width class, such as <c>nhsuk-input--width-10</c> or <c>nhsuk-u-width-two-thirds</c>.</summary>
    [HtmlAttributeName("width-class")]
    public string? WidthClass { get; set; }

    /// <summary>The autocomplete token, such as <c>email</c> or <c>off</c>.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>Whether the browser should spell-check (off for codes, addresses and references).</summary>
    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    /// <summary>The input mode, such as <c>numeric</c>.</summary>
    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        BeginFormGroup(output);
        var classes = "nhsuk-input" + (WidthClass is null ? "" : " " + WidthClass) + (Error is null ? "" : " nhsuk-input--error");
        var attributes = $" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\"";
        if (Type != "password" && Value is { } value)
        {
            attributes += $" value=\"{Encode(value)}\"";
        }

        if (Autocomplete is not null)
        {
            attributes += $" autocomplete=\"{Encode(Autocomplete)}\"";
        }

        if (Spellcheck is { } spellcheck)
        {
            attributes += $" spellcheck=\"{(spellcheck ? "true" : "false")}\"";
        }

        if (InputMode is not null)
        {
            attributes += $" inputmode=\"{Encode(InputMode)}\"";
        }

        if (DescribedBy is { } describedBy)
        {
            attributes += $" aria-describedby=\"{describedBy}\"";
        }

        output.Content.SetHtmlContent(
            LabelHtml(Label, LabelClass, IsPageHeading) + HintAndError() + $"<input class=\"{classes}\"{attributes}>");
    }
}
