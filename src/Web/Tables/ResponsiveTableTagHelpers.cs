using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualityVoice.Web.Tables;

/// <summary>
/// <c>&lt;table nhs-responsive&gt;</c>: the NHS.UK frontend's responsive table, which stacks each row into a card
/// on a phone and is a table from the desktop breakpoint. It adds the roles the pattern needs and, in every body
/// cell, the column's heading for small screens (hidden from assistive technology, which reads the roles); the
/// heading is the column header's text, or its <c>nhs-heading</c> attribute where the text will not do (a
/// "select all" box, say). Markup stays that of an ordinary table.
/// </summary>
[HtmlTargetElement("table", Attributes = ResponsiveAttribute)]
public sealed class ResponsiveTableTagHelper : TagHelper
{
    private const string ResponsiveAttribute = "nhs-responsive";

    /// <inheritdoc />
    public override int Order => -100;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        context.Items[typeof(ResponsiveTable)] = new ResponsiveTable();
        output.Attributes.RemoveAll(ResponsiveAttribute);
        output.Attributes.SetAttribute("role", "table");
        var classes = output.Attributes.TryGetAttribute("class", out var existing) ? existing.Value?.ToString() ?? string.Empty : string.Empty;
        var list = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var name in new[] { "nhsuk-table", "nhsuk-table--responsive" }.Where(name => !list.Contains(name)))
        {
            list.Add(name);
        }

        output.Attributes.SetAttribute("class", string.Join(' ', list));
    }
}

/// <summary>What the cells of one responsive table share while it renders: the column headings, and where a row is.</summary>
internal sealed class ResponsiveTable
{
    public List<string> Headings { get; } = [];

    public bool InHead { get; set; }

    public int Column { get; set; }

    public static ResponsiveTable? Of(TagHelperContext context) =>
        context.Items.TryGetValue(typeof(ResponsiveTable), out var table) ? table as ResponsiveTable : null;
}

/// <summary>A responsive table's <c>thead</c> and <c>tbody</c>: the head gets its role, and its headers are collected.</summary>
[HtmlTargetElement("thead")]
public sealed class ResponsiveTableHeadTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (ResponsiveTable.Of(context) is not { } table)
        {
            return;
        }

        output.Attributes.SetAttribute("role", "rowgroup");
        table.InHead = true;
        var content = await output.GetChildContentAsync();
        table.InHead = false;
        output.Content.SetHtmlContent(content);
    }
}

/// <summary>A responsive table's rows.</summary>
[HtmlTargetElement("tr")]
public sealed class ResponsiveTableRowTagHelper : TagHelper
{
    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ResponsiveTable.Of(context) is not { } table)
        {
            return;
        }

        output.Attributes.SetAttribute("role", "row");
        table.Column = 0;
    }
}

/// <summary>A responsive table's header and data cells.</summary>
[HtmlTargetElement("th")]
[HtmlTargetElement("td")]
public sealed partial class ResponsiveTableCellTagHelper : TagHelper
{
    /// <summary>The column's heading on small screens, where the header's text will not do ("" for none).</summary>
    [HtmlAttributeName("nhs-heading")]
    public string? Heading { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (ResponsiveTable.Of(context) is not { } table)
        {
            return;
        }

        var content = await output.GetChildContentAsync();
        if (table.InHead)
        {
            output.Attributes.SetAttribute("role", "columnheader");
            table.Headings.Add(Heading ?? WebUtility.HtmlDecode(Tags().Replace(content.GetContent(), " ")).Trim());
            output.Attributes.RemoveAll("colspan");
            return;
        }

        var column = table.Column++;
        output.Attributes.SetAttribute("role", output.TagName == "th" ? "rowheader" : "cell");
        output.Attributes.RemoveAll("colspan");
        var heading = Heading ?? (column < table.Headings.Count ? table.Headings[column] : string.Empty);
        if (heading.Length == 0)
        {
            output.Content.SetHtmlContent(content);
            return;
        }

        output.Content.SetHtmlContent($"<span class=\"nhsuk-table__heading\" aria-hidden=\"true\">{WebUtility.HtmlEncode(heading)} </span><span>");
        output.Content.AppendHtml(content);
        output.Content.AppendHtml("</span>");
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
