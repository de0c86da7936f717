using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Triage;

/// <summary>
/// The quality team's work on patient and carer feedback: an item's page and the changes staff make (and, through
/// <see cref="IInboxQueries"/>, the inbox). Every change is recorded in the item's history with who made it and when.
/// </summary>
public interface ITriageStore : IInboxQueries
{
    /// <summary>An item with its history; null when there is none.</summary>
    Task<TriageItem?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Moves items to a status (with a closure reason when closing). Items the workflow does not allow to move
    /// there are left as they are; returns the references that moved.
    /// </summary>
    Task<IReadOnlyList<string>> ChangeStatusAsync(IReadOnlyList<string> references, TriageStatus status, string? closureReason, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives items to a member of staff (or to nobody); returns how many changed.</summary>
    Task<int> AssignAsync(IReadOnlyList<string> references, string? assignee, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets an item's escalation level, with why.</summary>
    Task<bool> EscalateAsync(string reference, EscalationLevel level, string reason, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces the model's themes with staff's: a human label that analysis never overwrites.</summary>
    Task<bool> CorrectThemesAsync(string reference, IReadOnlyList<string> themes, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces the model's sentiment with staff's: a human label that analysis never overwrites.</summary>
    Task<bool> CorrectSentimentAsync(string reference, Sentiment sentiment, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Adds an internal note (never shown to the person who gave the feedback).</summary>
    Task<bool> AddNoteAsync(string reference, string note, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Publishes a reply that the person sees on /track (the caller has checked it for personal information).</summary>
    Task<bool> PublishReplyAsync(string reference, string reply, string actor, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A comment with the labels staff gave it, in the shape of the training file.</summary>
/// <param name="Reference">The item.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="ServiceName">The service.</param>
/// <param name="Fft">The FFT answer.</param>
/// <param name="Question">The question the text answers ("What was good?", "What could we do better?").</param>
/// <param name="Text">The redacted text.</param>
/// <param name="Sentiment">The item's sentiment (staff's if corrected).</param>
/// <param name="Themes">The item's themes (staff's if corrected).</param>
public sealed record LabelledComment(string Reference, DateTimeOffset SubmittedAt, string ServiceName, FftRating Fft, string Question, string Text, Sentiment? Sentiment, IReadOnlyList<string> Themes);
