namespace QualityVoice.Feedback.Storage;

/// <summary>What happened when a store was asked to add a record.</summary>
public enum AddOutcome
{
    /// <summary>Written and durable.</summary>
    Stored,

    /// <summary>The idempotency key was seen before; nothing new was written.</summary>
    Repeated,

    /// <summary>Another item already has this reference (a one-in-billions collision); make another.</summary>
    ReferenceTaken,
}
