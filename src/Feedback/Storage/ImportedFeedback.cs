namespace QualityVoice.Feedback.Storage;

/// <summary>
/// An item that arrives already analysed and triaged: synthetic demonstration data, or history brought over
/// from another system. It is written as it is, without passing through the analysis outbox.
/// </summary>
/// <param name="Record">The feedback as submitted.</param>
/// <param name="Analysis">What analysis found.</param>
/// <param name="Status">Where it is in triage.</param>
/// <param name="AssignedTo">Who owns it, if anyone.</param>
public sealed record ImportedFeedback(FeedbackRecord Record, FeedbackAnalysis Analysis, TriageStatus Status, string? AssignedTo = null);
