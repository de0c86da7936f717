using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Forms;

/// <summary>
/// What the NHS.UK form field tag helpers share: the bound field's name, id, value and error, and the markup of
/// a form group's label, hint and error message, as the NHS.UK frontend's macros write them.
/// </summary>
public abstract class NhsFieldTagHelper : TagHelper
{
    /// <summary>The model property the field is bound to.</summary>
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Hint text under the label or legend.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>The page's view context (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>
    /// The field's name in the request, when it differs from the property's (a GET form's lower-case query
    /// parameters, such as <c>status</c> for the property <c>Status</c>).
    /// </summary>
    [HtmlAttributeName("field-name")]
    public string? FieldName { get; set; }

    /// <summary>The field's name in the form post.</summary>
    protected string Name => FieldName ?? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The field's id: what the error summary links to.</summary>
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    /// <summary>The first error on the field, if any.</summary>
    protected string? Error =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to show: what was typed if the post is being redisplayed, otherwise the model's.</summary>
    protected string? Value =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                Enum value => value.ToString(),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };

    /// <summary>The ids of the hint and error, for <c>aria-describedby</c>; null when there are neither.</summary>
    protected string? DescribedBy
    {
        get
        {
            var ids = new List<string>(2);
            if (Hint is not null)
            {
                ids.Add($"{Id}-hint");
            }

            if (Error is not null)
            {
                ids.Add($"{Id}-error");
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    /// <summary>Encodes text for HTML.</summary>
    protected static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>The hint and error message blocks.</summary>
    protected string HintAndError()
    {
        var html = string.Empty;
        if (Hint is not null)
        {
            html += $"<div class=\"nhsuk-hint\" id=\"{Id}-hint\">{Encode(Hint)}</div>";
        }

        if (Error is not null)
        {
            html += $"<span class=\"nhsuk-error-message\" id=\"{Id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>{Encode(Error)}</span>";
        }

        return html;
    }

    /// <summary>Starts the form group: <c>div.nhsuk-form-group</c>, marked as in error when it is.</summary>
    protected void BeginFormGroup(TagHelperOutput output, string? extraClass = null)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classes = "nhsuk-form-group" + (extraClass is null ? "" : " " + extraClass) + (Error is null ? "" : " nhsuk-form-group--error");
        output.Attributes.SetAttribute("class", classes);
    }

    /// <summary>A label, wrapped in an h1 when it is the page's heading (one question per page).</summary>
    protected string LabelHtml(string text, string? sizeClass, bool isPageHeading)
    {
        var label = $"<label class=\"nhsuk-label{(sizeClass is null ? "" : " " + sizeClass)}\" for=\"{Id}\">{Encode(text)}</label>";
        return isPageHeading ? $"<h1 class=\"nhsuk-label-wrapper\">{label}</h1>" : label;
    }
}
