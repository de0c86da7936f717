namespace QualityVoice.Feedback.Tracking;

/// <summary>What /track needs of the feedback store: an item as its giver sees it, and withdrawing their e-mail address.</summary>
public interface ITrackingLookup
{
    /// <summary>What /track shows for a reference, with the passphrase hash to check first; null when unknown.</summary>
    Task<(TrackedFeedback Item, byte[] PassphraseHash)?> FindForTrackingAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the contact e-mail address of an item, with any e-mail not yet sent to it: the person withdrew their
    /// consent. False when there is no such item or it had no address.
    /// </summary>
    Task<bool> ForgetContactAsync(string reference, CancellationToken cancellationToken);
}
