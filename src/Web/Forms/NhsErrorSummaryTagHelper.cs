using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>
/// The NHS.UK error summary at the top of a form: every error on the page, each linking to its field.
/// Renders nothing when the page has no errors.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper : TagHelper
{
    /// <summary>The page's view context (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState
            .Where(entry => entry.Value?.Errors.Count > 0)
            .Select(entry => (Key: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");
        var items = string.Concat(errors.Select(error =>
            string.IsNullOrEmpty(error.Key)
                ? $"<li>{HtmlEncoder.Default.Encode(error.Message)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(error.Key, "_")}\">{HtmlEncoder.Default.Encode(error.Message)}</a></li>"));
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"nhsuk-error-summary__heading\">There is a problem</h2>"
            + $"<div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list nhsuk-error-summary__list\">{items}</ul></div></div>");
    }
}
