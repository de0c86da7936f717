using QualityVoice.Analysis;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Rights;

/// <summary>
/// Everything held about a feedback reference, in words a person can read, for a subject access request: what they
/// told us, how to reach them, what analysis made of it, what the team did and said, and which updates answer it.
/// Staff are named by team, not by address, as their own personal data; equality monitoring answers cannot be
/// included, because nothing links them to a reference.
/// </summary>
/// <param name="Reference">The reference.</param>
/// <param name="MadeAt">When the copy was made.</param>
/// <param name="Feedback">What they told us.</param>
/// <param name="Analysis">What the software made of it, as staff see it.</param>
/// <param name="WhatWeDid">What the quality team did.</param>
/// <param name="Conversation">The messages on /track, oldest first.</param>
/// <param name="Updates">The "you said, we did" updates linked to it.</param>
/// <param name="NotHeld">What is kept without a link to the reference, and so is not in the copy.</param>
public sealed record SubjectAccessCopy(
    string Reference,
    DateTimeOffset MadeAt,
    SubjectAccessFeedback Feedback,
    SubjectAccessAnalysis? Analysis,
    SubjectAccessActions WhatWeDid,
    IReadOnlyList<SubjectAccessMessage> Conversation,
    IReadOnlyList<string> Updates,
    string NotHeld)
{
    /// <summary>What the copy says about equality monitoring answers.</summary>
    public const string EqualityMonitoring =
        "Answers to the optional equality questions are kept apart from feedback with only the service and month, and nothing links them to a reference, so they cannot be found or included.";

    /// <summary>Makes the copy from what the store holds and the e-mail address, decrypted.</summary>
    public static SubjectAccessCopy Of(HeldFeedback held, string? contactEmail, IReadOnlyList<string> updates, DateTimeOffset now)
    {
        var triage = held.Item;
        var item = triage.Item;
        return new SubjectAccessCopy(
            item.Reference,
            now,
            new SubjectAccessFeedback(
                item.SubmittedAt,
                item.ServiceName,
                FeedbackKindText.Of(item.Kind),
                FftRatingText.Of(item.FftRating),
                item.WhatWasGood,
                item.WhatCouldImprove,
                item.ExperienceMonth?.ToString(),
                WireName<CollectionMode>.Of(item.CollectionMode),
                contactEmail,
                triage.OriginalsRemovedAt),
            item.Analysis is { } analysis
                ? new SubjectAccessAnalysis(
                    WireName<Sentiment>.Of(triage.Sentiment ?? analysis.Sentiment),
                    [.. triage.Themes.Select(theme => theme.Name)],
                    triage.IsUrgent,
                    analysis.UrgentReasons,
                    analysis.RedactedWhatWasGood,
                    analysis.RedactedWhatCouldImprove)
                : null,
            new SubjectAccessActions(
                TriageStatusText.Of(item.Status),
                triage.ClosureReason,
                triage.Escalation is { } escalation ? $"{EscalationText.Of(escalation.Level)}: {escalation.Reason}" : null,
                [.. triage.History.Select(entry => new SubjectAccessEvent(entry.At, entry.Actor == TriageEvents.Person ? "you" : "the quality team", entry.Kind, entry.Detail))]),
            [.. (triage.Conversation ?? []).Select(message => new SubjectAccessMessage(message.At, message.FromPerson ? "you" : "the quality team", message.Text))],
            updates,
            EqualityMonitoring);
    }
}

/// <summary>What they told us.</summary>
/// <param name="Received">When it arrived.</param>
/// <param name="Service">The service it is about.</param>
/// <param name="GivenBy">Who gave it: a patient, a carer, someone else.</param>
/// <param name="FriendsAndFamilyTest">Their answer to the Friends and Family Test question.</param>
/// <param name="WhatWasGood">Their words, as written (or with personal details hidden, once retention removed the original).</param>
/// <param name="WhatCouldBeBetter">Their words, as written (or with personal details hidden, once retention removed the original).</param>
/// <param name="RoughlyWhen">The month of the care, if given.</param>
/// <param name="HowGiven">How it was collected.</param>
/// <param name="EmailAddress">The address they left for us to contact them, if any.</param>
/// <param name="OriginalWordsRemovedAt">When the retention policy removed their original words and address.</param>
public sealed record SubjectAccessFeedback(
    DateTimeOffset Received,
    string Service,
    string GivenBy,
    string FriendsAndFamilyTest,
    string? WhatWasGood,
    string? WhatCouldBeBetter,
    string? RoughlyWhen,
    string HowGiven,
    string? EmailAddress,
    DateTimeOffset? OriginalWordsRemovedAt);

/// <summary>What the software made of it.</summary>
/// <param name="Sentiment">Positive, neutral, negative or mixed (staff's correction where they made one).</param>
/// <param name="Themes">The themes (staff's correction where they made one).</param>
/// <param name="Urgent">Whether it was flagged for a person to read the same day.</param>
/// <param name="UrgentReasons">Why.</param>
/// <param name="WhatWasGoodAsStaffSeeIt">Their words with personal details hidden.</param>
/// <param name="WhatCouldBeBetterAsStaffSeeIt">Their words with personal details hidden.</param>
public sealed record SubjectAccessAnalysis(
    string Sentiment, IReadOnlyList<string> Themes, bool Urgent, IReadOnlyList<string> UrgentReasons, string? WhatWasGoodAsStaffSeeIt, string? WhatCouldBeBetterAsStaffSeeIt);

/// <summary>What the quality team did.</summary>
/// <param name="Status">Where it is now.</param>
/// <param name="ClosureReason">Why it was closed.</param>
/// <param name="Escalation">Its escalation level and why.</param>
/// <param name="History">Each thing done, oldest first.</param>
public sealed record SubjectAccessActions(string Status, string? ClosureReason, string? Escalation, IReadOnlyList<SubjectAccessEvent> History);

/// <summary>One thing done.</summary>
/// <param name="At">When.</param>
/// <param name="By">"you" or "the quality team".</param>
/// <param name="Kind">What kind of thing.</param>
/// <param name="Detail">What.</param>
public sealed record SubjectAccessEvent(DateTimeOffset At, string By, string Kind, string Detail);

/// <summary>One message on /track.</summary>
/// <param name="At">When.</param>
/// <param name="From">"you" or "the quality team".</param>
/// <param name="Text">The message as written.</param>
public sealed record SubjectAccessMessage(DateTimeOffset At, string From, string Text);
