namespace QualityVoice.Feedback.Tracking;

/// <summary>One message in the conversation about an item on /track: a reply from the quality team, or the person's answer.</summary>
/// <param name="FromPerson">Whether the person who gave the feedback wrote it (otherwise the quality team did).</param>
/// <param name="Text">The message as written (what the person sees).</param>
/// <param name="Redacted">With personal details hidden (what staff see unless they give a reason); a staff reply has none to hide.</param>
/// <param name="At">When it was sent.</param>
public sealed record FeedbackMessage(bool FromPerson, string Text, string Redacted, DateTimeOffset At);

/// <summary>The person's side of the conversation on /track: answering the quality team's reply.</summary>
public interface IFeedbackConversation
{
    /// <summary>
    /// Adds the person's answer to an item's conversation, moves the item to <paramref name="status"/> (the workflow's
    /// decision) and records in its history that they answered; when the answer is <paramref name="urgent"/>
    /// (<see cref="Triage.UrgentResponse.IsUrgentAnswer"/>), the item is urgent again from the answer's time, waiting for
    /// a new acknowledgement. False when there is no such item.
    /// </summary>
    Task<bool> AnswerAsync(string reference, FeedbackMessage answer, TriageStatus status, bool urgent, CancellationToken cancellationToken);
}
