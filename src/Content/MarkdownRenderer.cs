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

    /// <summary>
    /// Renders a parsed document to HTML with NHS.UK classes; front matter is not rendered. The one link policy
    /// (<see cref="IsSafeUrl"/>) applies to every link, autolink and image: a link that breaks it goes nowhere, an
    /// autolink becomes plain text, and an image becomes its description.
    /// </summary>
    public static string ToHtml(MarkdownDocument document)
    {
        foreach (var node in document.Descendants().ToArray())
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
                case LinkInline { IsImage: true } image when !IsSafeImageUrl(image.Url):
                    // javascript:, data: and other sites' images never load; the description stays.
                    image.ReplaceBy(new LiteralInline(string.Concat(image.Descendants<LiteralInline>().Select(text => text.Content.ToString()))));
                    break;
                case LinkInline { IsImage: false } link when !IsSafeUrl(link.Url):
                    // javascript:, data: and the like never become links.
                    link.Url = "#";
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>
    /// Whether a link target is one a published page may carry: http(s), mailto, tel, a fragment, or a path on this
    /// site. A backslash anywhere is refused, since browsers read <c>/\evil.example</c> as another site.
    /// </summary>
    public static bool IsSafeUrl(string? url) =>
        url is { Length: > 0 }
        && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(char.IsControl)
        && (IsSitePath(url)
            || url.StartsWith('#')
            || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http" or "mailto" or "tel");

    /// <summary>Whether an image may be shown: only from this site (the Content-Security-Policy allows no other).</summary>
    public static bool IsSafeImageUrl(string? url) =>
        url is { Length: > 0 } && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl) && IsSitePath(url);

    private static bool IsSitePath(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
}
