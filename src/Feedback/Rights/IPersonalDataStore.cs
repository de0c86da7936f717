using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Rights;

/// <summary>Everything a store holds about one feedback reference, as subject access and erasure load and remove it.</summary>
public interface IPersonalDataStore
{
    /// <summary>The item as the store holds it (original words, conversation, history, analysis) and its encrypted e-mail address; null when there is none.</summary>
    Task<HeldFeedback?> FindHeldAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every copy the store holds of the item: the item, its themes, conversation, history, search terms,
    /// e-mails owed or sent about it, failed /track attempts and the claim of its idempotency key; its counts are taken
    /// out of the running totals. False when there was no such item.
    /// </summary>
    Task<bool> EraseAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>What a store holds about one reference.</summary>
/// <param name="Item">The item as the item page reads it, its words as the person wrote them (unless retention removed them).</param>
/// <param name="ProtectedContactEmail">Their e-mail address, encrypted with ASP.NET Core Data Protection, or null.</param>
public sealed record HeldFeedback(TriageItem Item, string? ProtectedContactEmail);

/// <summary>Copies of e-mails the apps keep outside the store (a pickup folder), which erasure must reach too.</summary>
public interface ISentEmailCopies
{
    /// <summary>Removes every kept copy of an e-mail to <paramref name="address"/>; returns how many.</summary>
    Task<int> RemoveAddressedToAsync(string address, CancellationToken cancellationToken);

    /// <summary>Removes every kept copy written before <paramref name="before"/> (the retention policy's cut-off); returns how many.</summary>
    Task<int> RemoveWrittenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
