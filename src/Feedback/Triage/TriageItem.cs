using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Triage;

/// <summary>Everything the item page shows about one item (the original text only when asked for).</summary>
/// <param name="Item">The item as stored, its text as typed.</param>
/// <param name="Sentiment">Its effective sentiment: staff's correction, or the model's.</param>
/// <param name="SentimentCorrectedBy">Who corrected the sentiment, if anyone.</param>
/// <param name="Themes">Its effective themes: staff's correction (confidence 1), or the model's.</param>
/// <param name="ThemesCorrectedBy">Who corrected the themes, if anyone.</param>
/// <param name="AssignedTo">Who owns it.</param>
/// <param name="ClosureReason">Why it was closed.</param>
/// <param name="Escalation">Its escalation, if set.</param>
/// <param name="PublicReply">The reply shown on /track, and when it was published.</param>
/// <param name="Version">The row's version, for optimistic concurrency.</param>
/// <param name="History">What staff did, oldest first.</param>
/// <param name="ThemeSentiments">The feeling read about each theme that has its own (the others take the item's).</param>
/// <param name="Acknowledged">For an urgent item, who read it and the first thing they did; null while it waits.</param>
/// <param name="Conversation">The team's replies on /track and the person's answers, oldest first.</param>
/// <param name="UrgentAnswerAt">When the person's answer on /track read as urgent, making the item urgent again.</param>
/// <param name="MarkedUrgent">Who marked it urgent, when and why, if a member of staff did (the analysis had not).</param>
/// <param name="OriginalsRemovedAt">
/// When the retention policy removed their original words and e-mail address: the item's text is then the words with
/// personal details hidden.
/// </param>
public sealed record TriageItem(
    FeedbackItem Item,
    Sentiment? Sentiment,
    string? SentimentCorrectedBy,
    IReadOnlyList<ThemePrediction> Themes,
    string? ThemesCorrectedBy,
    string? AssignedTo,
    string? ClosureReason,
    Escalation? Escalation,
    (string Text, DateTimeOffset At)? PublicReply,
    long Version,
    IReadOnlyList<TriageEvent> History,
    IReadOnlyList<ThemeSentiment>? ThemeSentiments = null,
    UrgentAcknowledgement? Acknowledged = null,
    IReadOnlyList<Tracking.FeedbackMessage>? Conversation = null,
    DateTimeOffset? UrgentAnswerAt = null,
    DateTimeOffset? OriginalsRemovedAt = null,
    UrgentMarking? MarkedUrgent = null)
{
    /// <summary>
    /// Whether the item is urgent: what they sent read as urgent, an answer of theirs on /track did, or a member of
    /// staff marked it so.
    /// </summary>
    public bool IsUrgent => Item.Analysis is { Urgent: true } || UrgentAnswerAt is not null || MarkedUrgent is not null;

    /// <summary>What staff's handling of the item says about the analysis's urgency flag on it (<see cref="UrgentResponse.Judge"/>).</summary>
    public UrgencyJudgement? UrgencyJudgement => UrgentResponse.Judge(IsUrgent, Acknowledged, UrgentAnswerAt, MarkedUrgent);

    /// <summary>When the item's 24-hour urgent clock started (<see cref="UrgentResponse.ClockFrom"/>).</summary>
    public DateTimeOffset UrgentSince => UrgentResponse.ClockFrom(Item.SubmittedAt, UrgentAnswerAt, MarkedUrgent?.At);

    /// <summary>What started its 24-hour urgent clock.</summary>
    public UrgentClockStart ClockStart => UrgentResponse.WhatStartedTheClock(UrgentSince, Item.SubmittedAt, MarkedUrgent);

    /// <summary>The feeling about <paramref name="theme"/>: as read from the clauses that carry it, or else the item's.</summary>
    public Sentiment? SentimentAbout(string theme) =>
        ThemeSentiments?.FirstOrDefault(feeling => feeling.Theme == theme)?.Sentiment ?? Sentiment;
}

/// <summary>An escalation level and who set it, as the National Quality Board's guidance names the levels.</summary>
/// <param name="Level">Routine, Enhanced or Intensive.</param>
/// <param name="SetBy">Who set it.</param>
/// <param name="Reason">Why.</param>
/// <param name="SetAt">When.</param>
public sealed record Escalation(EscalationLevel Level, string SetBy, string Reason, DateTimeOffset SetAt);

/// <summary>Something a member of staff did to an item.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Kind">status, assigned, escalated, themes, sentiment, note or reply.</param>
/// <param name="Detail">What, in words.</param>
public sealed record TriageEvent(DateTimeOffset At, string Actor, string Kind, string Detail);
