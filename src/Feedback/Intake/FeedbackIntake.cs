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

    /// <summary>Checks and stores a submission, returning its reference and passphrase or what is wrong.</summary>
    public async Task<IntakeResult> SubmitAsync(NewFeedback feedback, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = Validate(feedback, out var cleaned);
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
                new FeedbackRecord(cleaned with { ContactEmail = null }, reference, passphraseHash, now, protectedEmail, keyHash, keyHash is null ? null : fingerprint),
                cancellationToken));
    }

    /// <summary>
    /// Checks a submission against the rules the form and the API share. The keys of the returned errors
    /// are the API's field names.
    /// </summary>
    public Dictionary<string, string> Validate(NewFeedback feedback, out NewFeedback cleaned)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var good = FeedbackText.Check(feedback.WhatWasGood, FeedbackText.AnswerLimit, "What was good");
        if (!good.IsValid)
        {
            errors["whatWasGood"] = good.Error!;
        }

        var improve = FeedbackText.Check(feedback.WhatCouldImprove, FeedbackText.AnswerLimit, "What could we do better");
        if (!improve.IsValid)
        {
            errors["whatCouldImprove"] = improve.Error!;
        }

        var serviceName = FeedbackText.Check(feedback.ServiceName, ShortTextLimit, "The service's name");
        if (!serviceName.IsValid)
        {
            errors["serviceName"] = serviceName.Error!;
        }
        else if (serviceName.Value is null)
        {
            errors["serviceName"] = "Enter the name of the service";
        }

        if (feedback.ExperienceMonth is { } month)
        {
            var thisMonth = YearMonth.Of(time.GetUtcNow());
            if (month > thisMonth)
            {
                errors["month"] = "The month of your care must be this month or in the past";
            }
            else if (month < new YearMonth(thisMonth.Year - 10, thisMonth.Month))
            {
                errors["month"] = "The month of your care must be within the last 10 years";
            }
        }

        string? email = null;
        if (feedback.ContactEmail is not null)
        {
            email = feedback.ContactEmail.Trim();
            if (!ContactEmail.IsValid(email))
            {
                errors["contactEmail"] = "Enter an email address in the correct format, like name@example.com";
            }
        }

        cleaned = feedback with
        {
            WhatWasGood = good.Value,
            WhatCouldImprove = improve.Value,
            ServiceName = serviceName.Value ?? string.Empty,
            ContactEmail = string.IsNullOrEmpty(email) ? null : email,
        };
        return errors;
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
