using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Intake;

/// <summary>
/// The front door for patient and carer feedback, shared by the portal's form and the API: checks what was
/// given, gives it a reference and passphrase, encrypts any contact address, and stores it with its analysis
/// pending in the same write.
/// </summary>
public sealed class FeedbackIntake(
    IFeedbackStore store,
    ReferenceIssuer issuer,
    PassphraseHasher keyedHashes,
    IDataProtectionProvider dataProtection,
    TimeProvider time)
{
    /// <summary>The Data Protection purpose that encrypts contact e-mail addresses.</summary>
    public const string ContactEmailPurpose = "QualityVoice.Feedback.ContactEmail";

    /// <summary>The longest service name or e-mail address accepted.</summary>
    public const int ShortTextLimit = 200;

    private readonly IDataProtector _contactEmail = dataProtection.CreateProtector(ContactEmailPurpose);
    private readonly FeedbackRules _rules = new(time);

    /// <summary>Checks and stores a submission, returning its reference and passphrase or what is wrong.</summary>
    public async Task<IntakeResult> SubmitAsync(NewFeedback feedback, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = _rules.Check(feedback, out var cleaned);
        if (errors.Count > 0)
        {
            return new IntakeResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var protectedEmail = cleaned.ContactEmail is null ? null : _contactEmail.Protect(cleaned.ContactEmail);
        var fingerprint = Fingerprint(cleaned);
        var keyHash = idempotencyKey?.Hash();
        return await issuer.IssueAsync(
            FeedbackReference.FeedbackPrefix,
            idempotencyKey,
            fingerprint,
            (reference, passphraseHash) => store.AddAsync(
                new FeedbackRecord(cleaned with { ContactEmail = null }, reference, passphraseHash, now, protectedEmail, keyHash, keyHash is null ? null : fingerprint)
                {
                    TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } span ? span.Id : null,
                },
                cancellationToken));
    }

    /// <summary>The request's keyed fingerprint. The contact e-mail address is left out: it is personal.</summary>
    private byte[] Fingerprint(NewFeedback feedback) =>
        keyedHashes.FingerprintRequest(
            WireName<FeedbackKind>.Of(feedback.Kind),
            feedback.ServiceId,
            feedback.ServiceName,
            WireName<FftRating>.Of(feedback.FftRating),
            feedback.WhatWasGood,
            feedback.WhatCouldImprove,
            feedback.ExperienceMonth?.ToString(),
            WireName<CollectionMode>.Of(feedback.CollectionMode));
}
