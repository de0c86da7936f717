using System.Collections.Concurrent;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Portal.Features.YouSaidWeDid;

/// <summary>
/// Every "you said, we did" update the portal shows: those the content pack carries (such as the changes the
/// strategy itself reports) and those published from the back office, newest first.
/// </summary>
public sealed class YouSaidWeDidUpdates(IContentSource source, IPublishedUpdates published)
{
    // Each published version's Markdown is rendered once: a version's words never change once live.
    private readonly ConcurrentDictionary<(string Slug, DateTimeOffset LastPublished), string> _rendered = new();

    /// <summary>Every update, newest first.</summary>
    public async Task<IReadOnlyList<Update>> AllAsync(CancellationToken cancellationToken)
    {
        var live = await published.LiveAsync(cancellationToken);
        return live.Select(update => ToUpdate(update, _rendered.GetOrAdd((update.Slug, update.LastPublished), _ => MarkdownRenderer.ToHtml(update.Content.BodyMarkdown))))
            .Concat(source.Current.Updates)
            .OrderByDescending(update => update.Published)
            .ToArray();
    }

    /// <summary>An update by its address; null when there is none.</summary>
    public async Task<Update?> FindAsync(string slug, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(update => string.Equals(update.Slug, slug, StringComparison.Ordinal));

    private static Update ToUpdate(PublishedUpdate live, string bodyHtml)
    {
        var content = live.Content;
        var first = UkTime.DayOf(live.FirstPublished);
        var last = UkTime.DayOf(live.LastPublished);
        return new Update(
            live.Slug,
            content.Title,
            content.Theme,
            UpdateStatuses.Parse(content.Progress) ?? UpdateStatus.Planned,
            first,
            content.YouSaid,
            bodyHtml,
            content.Milestones.Select(step => new Milestone(step.Text, UpdateStatuses.Parse(step.Progress) ?? UpdateStatus.Planned, step.Date)).ToArray(),
            Source: null)
        {
            ServiceId = content.ServiceId,
            People = live.People,
            ToldUs = live.ToldUs.Select(pair => new ToldUs(pair.Theme, pair.People)).ToArray(),
            Priorities = content.Priorities,
            Statements = content.Statements,
            Updated = last > first ? last : null,
        };
    }
}
