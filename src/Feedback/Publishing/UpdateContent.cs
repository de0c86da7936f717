namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// The words and links of one version of a "you said, we did" update, as the engagement team writes them.
/// </summary>
/// <param name="Title">Its title.</param>
/// <param name="Theme">The strategic theme it serves (a slug in the content pack).</param>
/// <param name="ServiceId">The service it is about, when it is about one (an id in the content pack).</param>
/// <param name="Progress">How far it has got: <c>planned</c>, <c>in-progress</c> or <c>done</c>.</param>
/// <param name="YouSaid">What people told us, in a sentence or two.</param>
/// <param name="BodyMarkdown">What we did, in Markdown.</param>
/// <param name="Milestones">Its steps, in order.</param>
/// <param name="Priorities">The quality priorities it serves (their titles in the content pack).</param>
/// <param name="Statements">The "I" statements it answers (their words in the content pack).</param>
public sealed record UpdateContent(
    string Title,
    string Theme,
    string? ServiceId,
    string Progress,
    string YouSaid,
    string BodyMarkdown,
    IReadOnlyList<UpdateMilestone> Milestones,
    IReadOnlyList<string> Priorities,
    IReadOnlyList<string> Statements)
{
    /// <summary>The version as lines of text, for the history's differences.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>
        {
            $"Title: {Title}",
            $"Theme: {Theme}",
            $"Service: {ServiceId ?? "none"}",
            $"Progress: {Progress}",
            $"You said: {YouSaid}",
        };
        lines.AddRange(Priorities.Select(priority => $"Priority: {priority}"));
        lines.AddRange(Statements.Select(statement => $"I statement: {statement}"));
        lines.AddRange(Milestones.Select(step => $"Step: {step.Text} ({step.Progress}{(step.Date is { } date ? $", {date:yyyy-MM-dd}" : string.Empty)})"));
        lines.Add("What we did:");
        lines.AddRange(BodyMarkdown.ReplaceLineEndings("\n").Split('\n'));
        return lines;
    }
}

/// <summary>One step of an update.</summary>
/// <param name="Text">What the step is.</param>
/// <param name="Progress"><c>planned</c>, <c>in-progress</c> or <c>done</c>.</param>
/// <param name="Date">When it was done or is due, where known.</param>
public sealed record UpdateMilestone(string Text, string Progress, DateOnly? Date);
