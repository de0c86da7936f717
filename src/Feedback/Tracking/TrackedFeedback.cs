namespace QualityVoice.Feedback.Tracking;

/// <summary>What a person sees at /track once their reference and passphrase match.</summary>
/// <param name="Reference">The reference.</param>
/// <param name="SubmittedAt">When they gave it.</param>
/// <param name="ServiceName">The service it was about.</param>
/// <param name="Status">Where it is in the quality team's workflow.</param>
/// <param name="Reply">The quality team's public reply (checked for personal details), when there is one.</param>
/// <param name="RepliedAt">When the reply was published.</param>
/// <param name="Updates">The live "you said, we did" updates that answer it.</param>
/// <param name="CanContact">Whether an e-mail address for contact is kept (they consented, and have not withdrawn it).</param>
/// <param name="Conversation">The quality team's replies and the person's answers, oldest first.</param>
public sealed record TrackedFeedback(
    string Reference,
    DateTimeOffset SubmittedAt,
    string ServiceName,
    TriageStatus Status,
    string? Reply = null,
    DateTimeOffset? RepliedAt = null,
    IReadOnlyList<TrackedUpdate>? Updates = null,
    bool CanContact = false,
    IReadOnlyList<FeedbackMessage>? Conversation = null)
{
    /// <summary>Whether the person may answer: once the quality team has replied.</summary>
    public bool CanAnswer => Conversation?.Any(message => !message.FromPerson) == true;
}

/// <summary>A live update that answers someone's feedback.</summary>
/// <param name="Slug">Its address under /you-said-we-did/.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">When it went live.</param>
public sealed record TrackedUpdate(string Slug, string Title, DateTimeOffset Published);
