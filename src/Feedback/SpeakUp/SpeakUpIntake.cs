using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>
/// Raises a Freedom to Speak Up concern: checks it, gives it an SU- reference and a passphrase for the
/// conversation with the guardian, and stores it in the speak-up store with the day it was raised (never the
/// time). For an anonymous case a name or contact details are never kept, even if the form carried them.
/// </summary>
public sealed class SpeakUpIntake(
    ISpeakUpStore store,
    ReferenceIssuer issuer,
    PassphraseHasher keyedHashes,
    IDataProtectionProvider dataProtection,
    TimeProvider time)
{
    /// <summary>The Data Protection purpose that encrypts the name and contact details of open and confidential cases.</summary>
    public const string IdentityPurpose = "QualityVoice.SpeakUp.Identity";

    /// <summary>The limit on the concern's text.</summary>
    public const int ConcernLimit = 5000;

    private readonly IDataProtector _identity = dataProtection.CreateProtector(IdentityPurpose);

    /// <summary>Checks and stores a concern, returning its reference and passphrase or what is wrong.</summary>
    public async Task<IntakeResult> RaiseAsync(NewSpeakUpCase raised, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = Validate(raised, out var cleaned);
        if (errors.Count > 0)
        {
            return new IntakeResult.Invalid(errors);
        }

        var raisedOn = UkTime.DayOf(time.GetUtcNow());
        var identity = cleaned.Mode == SpeakUpMode.Anonymous
            ? null
            : _identity.Protect(JsonSerializer.Serialize(new SpeakUpIdentity(cleaned.Name!, cleaned.ContactDetails!)));
        // The name and contact details are in neither the stored case nor its keyed fingerprint.
        var stored = cleaned with { Name = null, ContactDetails = null };
        var fingerprint = keyedHashes.FingerprintRequest(JsonSerializer.Serialize(stored));
        var keyHash = idempotencyKey?.Hash();
        return await issuer.IssueAsync(
            FeedbackReference.SpeakUpPrefix,
            idempotencyKey,
            fingerprint,
            (reference, passphraseHash) => store.AddAsync(
                new SpeakUpRecord(stored, reference, passphraseHash, raisedOn, identity, keyHash, keyHash is null ? null : fingerprint),
                cancellationToken));
    }

    /// <summary>Reads the name and contact details of an open or confidential case (for its guardian only).</summary>
    public SpeakUpIdentity? RevealIdentity(string? protectedIdentity) =>
        protectedIdentity is null ? null : JsonSerializer.Deserialize<SpeakUpIdentity>(_identity.Unprotect(protectedIdentity));

    /// <summary>Checks a concern; the keys of the errors name the fields.</summary>
    public static Dictionary<string, string> Validate(NewSpeakUpCase raised, out NewSpeakUpCase cleaned)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raised.Categories.Count == 0)
        {
            errors["categories"] = "Select what your concern is about";
        }

        if (!ProfessionalGroups.IsGroup(raised.ProfessionalGroup))
        {
            errors["professionalGroup"] = "Select your professional group, or 'Prefer not to say'";
        }

        var concern = FeedbackText.Check(raised.Concern, ConcernLimit, "Your concern");
        if (!concern.IsValid)
        {
            errors["concern"] = concern.Error!;
        }
        else if (concern.Value is null)
        {
            errors["concern"] = "Tell us about your concern";
        }

        var organisation = FeedbackText.Check(raised.OrganisationName, 200, "The organisation's name");
        if (!organisation.IsValid)
        {
            errors["organisation"] = organisation.Error!;
        }

        string? name = null;
        string? contact = null;
        if (raised.Mode != SpeakUpMode.Anonymous)
        {
            var nameCheck = FeedbackText.Check(raised.Name, 200, "Your name");
            name = nameCheck.Value;
            if (!nameCheck.IsValid || name is null)
            {
                errors["name"] = nameCheck.Error ?? "Enter your name, or choose to speak up anonymously";
            }

            var contactCheck = FeedbackText.Check(raised.ContactDetails, 200, "How to contact you");
            contact = contactCheck.Value;
            if (!contactCheck.IsValid || contact is null)
            {
                errors["contact"] = contactCheck.Error ?? "Enter an email address or phone number the guardian can use";
            }
        }

        cleaned = raised with
        {
            Categories = raised.Categories.Distinct().Order().ToArray(),
            Concern = concern.Value ?? string.Empty,
            OrganisationName = organisation.Value,
            Name = name,
            ContactDetails = contact,
        };
        return errors;
    }
}
