using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace QualityVoice.Content.Umbraco.Packs;

/// <summary>
/// Writes sanitised rich text (what Umbraco's editor makes: paragraphs, headings, lists, emphasis, links) as the
/// Markdown content packs are written in. Anything else keeps its text and loses its markup, as a pack would have it.
/// </summary>
public static partial class HtmlMarkdown
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The Markdown for <paramref name="html"/>, its headings at <paramref name="topHeading"/> or below.</summary>
    public static string From(string html, int topHeading = 2)
    {
        var document = Parser.ParseDocument($"<body>{html}</body>");
        var markdown = new StringBuilder();
        Blocks(document.Body!.ChildNodes, markdown, listDepth: 0, topHeading);
        return string.Join('\n', markdown.ToString().Split('\n').Select(line => line.TrimEnd())).Trim() + "\n";
    }

    private static void Blocks(IEnumerable<INode> nodes, StringBuilder markdown, int listDepth, int topHeading)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IElement { LocalName: "p" } paragraph:
                    markdown.Append(Inline(paragraph.ChildNodes).Trim()).Append("\n\n");
                    break;
                case IElement { LocalName: "h1" or "h2" or "h3" or "h4" or "h5" or "h6" } heading:
                    // Level 1 is the page's own title; a heading in the text is a section of it.
                    var level = Math.Min(6, Math.Max(topHeading, heading.LocalName[1] - '0'));
                    markdown.Append(new string('#', level)).Append(' ').Append(Inline(heading.ChildNodes).Trim()).Append("\n\n");
                    break;
                case IElement { LocalName: "ul" or "ol" } list:
                    var number = 0;
                    foreach (var item in list.Children.Where(child => child.LocalName == "li"))
                    {
                        var marker = list.LocalName == "ol" ? $"{++number}." : "-";
                        var nested = item.Children.Where(child => child.LocalName is "ul" or "ol").ToArray();
                        var text = Inline(item.ChildNodes.Where(child => !nested.Contains(child)).ToArray()).Trim();
                        markdown.Append(new string(' ', listDepth * 2)).Append(marker).Append(' ').Append(text).Append('\n');
                        foreach (var inner in nested)
                        {
                            Blocks([inner], markdown, listDepth + 1, topHeading);
                        }
                    }

                    if (listDepth == 0)
                    {
                        markdown.Append('\n');
                    }

                    break;
                case IElement { LocalName: "blockquote" } quote:
                    markdown.Append("> ").Append(Inline(quote.ChildNodes).Trim()).Append("\n\n");
                    break;
                case IElement { LocalName: "div" or "section" or "article" } container:
                    Blocks(container.ChildNodes, markdown, listDepth, topHeading);
                    break;
                case IText text when !string.IsNullOrWhiteSpace(text.Data):
                    markdown.Append(Escape(Collapse(text.Data)).Trim()).Append("\n\n");
                    break;
                case IElement other:
                    var inline = Inline(other.ChildNodes).Trim();
                    if (inline.Length > 0)
                    {
                        markdown.Append(inline).Append("\n\n");
                    }

                    break;
            }
        }
    }

    private static string Inline(IEnumerable<INode> nodes)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            text.Append(node switch
            {
                IText plain => Escape(Collapse(plain.Data)),
                IElement { LocalName: "strong" or "b" } strong => $"**{Inline(strong.ChildNodes).Trim()}**",
                IElement { LocalName: "em" or "i" } emphasis => $"*{Inline(emphasis.ChildNodes).Trim()}*",
                IElement { LocalName: "a" } link when link.GetAttribute("href") is { Length: > 0 } href => $"[{Inline(link.ChildNodes).Trim()}]({href})",
                IElement { LocalName: "br" } => "  \n",
                IElement other => Inline(other.ChildNodes),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
