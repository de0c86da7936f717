using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QualityVoice.Content;

/// <summary>
/// The one Markdown pipeline of QualityVoice: the portal's content packs, "you said, we did" updates and the
/// back office's preview all go through it, so a preview shows exactly what will be published. Raw HTML is
/// off (it is shown as text) and the output carries the NHS.UK frontend's classes.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseYamlFrontMatter()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    /// <summary>Parses Markdown (with optional YAML front matter) into a document.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders Markdown to HTML that is safe to place in a page.</summary>
    public static string ToHtml(string markdown) => ToHtml(Parse(markdown));

    /// <summary>Renders a parsed document to HTML with NHS.UK classes; front matter is not rendered.</summary>
    public static string ToHtml(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    node.GetAttributes().AddClass(heading.Level switch
                    {
                        1 => "nhsuk-heading-l",
                        2 => "nhsuk-heading-m",
                        3 => "nhsuk-heading-s",
                        _ => "nhsuk-heading-xs",
                    });
                    break;
                case ListBlock list:
                    node.GetAttributes().AddClass(list.IsOrdered ? "nhsuk-list nhsuk-list--number" : "nhsuk-list nhsuk-list--bullet");
                    break;
                case Markdig.Extensions.Tables.Table:
                    node.GetAttributes().AddClass("nhsuk-table");
                    break;
                case LinkInline { IsImage: false } link when link.Url is { } url && !IsSafeUrl(url):
                    // javascript:, data: and the like never become links.
                    link.Url = "#";
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>Whether a link target is one a published page may carry: http(s), mailto, tel, or a path on this site.</summary>
    public static bool IsSafeUrl(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || url.StartsWith('#')
        || Uri.TryCreate(url, UriKind.Absolute, out var absolute)
           && absolute.Scheme is "https" or "http" or "mailto" or "tel";
}
