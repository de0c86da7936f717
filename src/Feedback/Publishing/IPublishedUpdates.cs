namespace QualityVoice.Feedback.Publishing;

/// <summary>The live versions of the back office's updates, as the portal shows them.</summary>
public interface IPublishedUpdates
{
    /// <summary>Every live update, the most recently published first.</summary>
    Task<IReadOnlyList<PublishedUpdate>> LiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A number that moves whenever <see cref="LiveAsync"/>'s answer may have changed (an update going live or
    /// being unpublished, feedback linked to a live update or its themes changing): cheap enough to ask often.
    /// </summary>
    Task<long> VersionAsync(CancellationToken cancellationToken);
}

/// <summary>A live update with what the feedback linked to it says.</summary>
/// <param name="Slug">Its address under /you-said-we-did/.</param>
/// <param name="Content">The live version.</param>
/// <param name="FirstPublished">When it first went live.</param>
/// <param name="LastPublished">When the live version went live.</param>
/// <param name="People">How many feedback items are linked to it.</param>
/// <param name="ToldUs">How many of those were about each theme of the experience framework, most first.</param>
public sealed record PublishedUpdate(
    string Slug,
    UpdateContent Content,
    DateTimeOffset FirstPublished,
    DateTimeOffset LastPublished,
    int People,
    IReadOnlyList<(string Theme, int People)> ToldUs);
