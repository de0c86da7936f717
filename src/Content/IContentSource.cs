namespace QualityVoice.Content;

/// <summary>
/// Where the portal's content comes from: a Markdown content pack (the default) or the ICB's Umbraco site. Pages
/// read <see cref="Current"/> for each request (it is also registered as <see cref="ContentPack"/>, transient), so
/// content that changes while the app runs shows on the next page.
/// </summary>
public interface IContentSource
{
    /// <summary>The content as last read successfully.</summary>
    ContentPack Current { get; }

    /// <summary>Raised after <see cref="Current"/> changed (cached pages showing it are then out of date).</summary>
    event EventHandler? Changed;
}

/// <summary>A content pack read once at start-up: it changes only when the app restarts.</summary>
public sealed class ContentPackSource(ContentPack pack) : IContentSource
{
    /// <inheritdoc />
    public ContentPack Current => pack;

    /// <inheritdoc />
    public event EventHandler? Changed
    {
        add { }
        remove { }
    }
}
