namespace QualityVoice.Content;

/// <summary>
/// A "you said, we did" update: what people told the ICB, what it did about it, and how far it has got.
/// </summary>
/// <param name="Slug">Its address under /you-said-we-did/ (the file name).</param>
/// <param name="Title">Its title.</param>
/// <param name="Theme">The strategic theme it serves (a slug in themes/).</param>
/// <param name="Status">How far it has got.</param>
/// <param name="Published">When it was published.</param>
/// <param name="YouSaid">What people told us, in a sentence or two.</param>
/// <param name="BodyHtml">What we did, rendered from Markdown.</param>
/// <param name="Milestones">The steps, in order, each with its status and date where known.</param>
/// <param name="Source">Where the update was taken from when it is not the ICB's own report here (the strategy, say).</param>
public sealed record Update(
    string Slug,
    string Title,
    string Theme,
    UpdateStatus Status,
    DateOnly Published,
    string YouSaid,
    string BodyHtml,
    IReadOnlyList<Milestone> Milestones,
    string? Source)
{
    /// <summary>The service it is about, when it is about one (an id in the pack's services).</summary>
    public string? ServiceId { get; init; }

    /// <summary>How many pieces of feedback it answers (those linked to it in the back office).</summary>
    public int People { get; init; }

    /// <summary>What that feedback was about: each sub-category with how many mentioned it, most first.</summary>
    public IReadOnlyList<ToldUs> ToldUs { get; init; } = [];

    /// <summary>The quality priorities it serves, in the strategy's words.</summary>
    public IReadOnlyList<string> Priorities { get; init; } = [];

    /// <summary>The I statements it answers, in the strategy's words.</summary>
    public IReadOnlyList<string> Statements { get; init; } = [];

    /// <summary>When its latest version was published, when that is later than <see cref="Published"/>.</summary>
    public DateOnly? Updated { get; init; }
}

/// <summary>"38 people told us about waiting times": a sub-category of the feedback an update answers.</summary>
/// <param name="About">The sub-category, in the experience framework's words.</param>
/// <param name="People">How many of the linked pieces of feedback were about it.</param>
public sealed record ToldUs(string About, int People);

/// <summary>One step of an update.</summary>
/// <param name="Text">What the step is.</param>
/// <param name="Status">Whether it is planned, under way or done.</param>
/// <param name="Date">When it was done or is due, where known.</param>
public sealed record Milestone(string Text, UpdateStatus Status, DateOnly? Date);

/// <summary>How far an update, or one of its steps, has got.</summary>
public enum UpdateStatus
{
    /// <summary>Planned.</summary>
    Planned,

    /// <summary>In progress.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Done,
}

/// <summary>The statuses in the words the portal and the files use.</summary>
public static class UpdateStatuses
{
    /// <summary>The word in a content file's front matter.</summary>
    public static string Slug(UpdateStatus status) => status switch
    {
        UpdateStatus.Planned => "planned",
        UpdateStatus.InProgress => "in-progress",
        _ => "done",
    };

    /// <summary>The words on the page.</summary>
    public static string Text(UpdateStatus status) => status switch
    {
        UpdateStatus.Planned => "Planned",
        UpdateStatus.InProgress => "In progress",
        _ => "Done",
    };

    /// <summary>Reads the word in a content file; null when it is not one.</summary>
    public static UpdateStatus? Parse(string? slug) => slug switch
    {
        "planned" => UpdateStatus.Planned,
        "in-progress" => UpdateStatus.InProgress,
        "done" => UpdateStatus.Done,
        _ => null,
    };
}
