namespace QualityVoice.Content.Hosting;

/// <summary>Which content pack to serve, and from where. Bound from the <c>Content</c> section.</summary>
public sealed class ContentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Content";

    /// <summary>
    /// Where the strategy, themes and pages come from: <c>Markdown</c> (the pack, the default) or <c>Umbraco</c> (the
    /// ICB's Umbraco site, <c>Content:Umbraco</c>; the pack still gives the taxonomy and the pack's name).
    /// </summary>
    public string Source { get; set; } = "Markdown";

    /// <summary>The pack's folder name; <c>./qv</c> sets it from <c>$QV_CONTENT_PACK</c>. Default <c>nenc</c>.</summary>
    public string Pack { get; set; } = "nenc";

    /// <summary>The folder holding the packs; by default the <c>content</c> folder copied beside the app.</summary>
    public string? Root { get; set; }

    /// <summary>The content root to use.</summary>
    public string ResolveRoot() => Root is { Length: > 0 } root ? Path.GetFullPath(root) : Path.Combine(AppContext.BaseDirectory, "content");
}
