using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Rights;

/// <summary>
/// The rights of someone who spoke up over their case, as a Freedom to Speak Up guardian acts on them with its
/// reference (nobody else may see a case): a copy of everything held (subject access), and erasure of its details.
/// Erasure removes what retention would (the concern, who raised it, the organisation, the conversation and the notes)
/// and keeps what the National Guardian's Office data return counts, which identifies nobody; an open case is closed
/// first. Both are in the speak-up part of the audit log with the request's details.
/// </summary>
public sealed class SpeakUpRights(ISpeakUpCasework casework, IAuditLog audit, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector _identity = dataProtection.CreateProtector(SpeakUpIntake.IdentityPurpose);

    /// <summary>The case, for the guardian to check before acting; null when there is none.</summary>
    public Task<SpeakUpCase?> FindAsync(string reference, CancellationToken cancellationToken) => casework.GetAsync(reference, cancellationToken);

    /// <summary>The copy for a subject access request, recorded in the audit log with the request's details; null when there is no case.</summary>
    public async Task<SpeakUpAccessCopy?> CopyAsync(string reference, string actor, string request, CancellationToken cancellationToken)
    {
        if (await casework.GetAsync(reference, cancellationToken) is not { } found)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var copy = SpeakUpAccessCopy.Of(found, IdentityOf(found, out _), now);
        await audit.RecordAsync(new AuditEntry(now, actor, AuditActions.SubjectAccess, reference, $"Downloaded everything held, for the request: {request}"), cancellationToken);
        return copy;
    }

    /// <summary>
    /// Erases the case's details at the person's request, closing it first if it is open; recorded in the audit log
    /// (the reference and the request, never the words). False when there is no case, or its details are gone already.
    /// </summary>
    public async Task<bool> EraseAsync(string reference, string actor, string request, CancellationToken cancellationToken)
    {
        if (await casework.GetAsync(reference, cancellationToken) is not { DetailsRemovedOn: null } found)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var today = UkTime.DayOf(now);
        if (found.Status != SpeakUpStatus.Closed)
        {
            await casework.SetStatusAsync(reference, SpeakUpStatus.Closed, today, cancellationToken);
        }

        if (!await casework.RemoveDetailsAsync(reference, today, cancellationToken))
        {
            return false;
        }

        await audit.RecordAsync(
            new AuditEntry(now, actor, AuditActions.Erased, reference, $"Erased the case's details at the person's request ({request}); what the data return counts is kept"),
            cancellationToken);
        return true;
    }

    /// <summary>
    /// Who raised an open or confidential case, decrypted; null for an anonymous case, one whose details are gone, or
    /// one whose key is gone (<paramref name="unreadable"/>: nobody can read who they are).
    /// </summary>
    public SpeakUpIdentity? IdentityOf(SpeakUpCase found, out bool unreadable)
    {
        unreadable = false;
        if (found.ProtectedIdentity is not { } protectedIdentity || found.Mode == SpeakUpMode.Anonymous)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SpeakUpIdentity>(_identity.Unprotect(protectedIdentity));
        }
        catch (CryptographicException)
        {
            unreadable = true;
            return null;
        }
    }
}

/// <summary>
/// Everything held about a speak-up case, in words the person can read, for a subject access request. Guardians are
/// named as "the guardian"; the guardians' notes are included, for the guardian to read before sending (they may
/// mention other people, whose details may need to be withheld).
/// </summary>
/// <param name="Reference">The reference.</param>
/// <param name="MadeAt">When the copy was made.</param>
/// <param name="HowYouSpokeUp">Openly, confidentially or anonymously.</param>
/// <param name="RaisedOn">The day it was raised.</param>
/// <param name="Status">Where it is.</param>
/// <param name="ClosedOn">The day it closed.</param>
/// <param name="DetailsRemovedOn">The day its details were removed.</param>
/// <param name="About">The kinds of concern chosen.</param>
/// <param name="Detriment">Their answer about detriment.</param>
/// <param name="ProfessionalGroup">Their professional group.</param>
/// <param name="Organisation">The organisation they named.</param>
/// <param name="Concern">The concern in their words.</param>
/// <param name="Name">Their name, when they gave it.</param>
/// <param name="ContactDetails">How to reach them, when they gave it.</param>
/// <param name="Conversation">The messages, oldest first.</param>
/// <param name="GuardiansNotes">The guardians' notes, oldest first.</param>
public sealed record SpeakUpAccessCopy(
    string Reference,
    DateTimeOffset MadeAt,
    string HowYouSpokeUp,
    DateOnly RaisedOn,
    string Status,
    DateOnly? ClosedOn,
    DateOnly? DetailsRemovedOn,
    IReadOnlyList<string> About,
    string Detriment,
    string ProfessionalGroup,
    string? Organisation,
    string? Concern,
    string? Name,
    string? ContactDetails,
    IReadOnlyList<SpeakUpAccessEntry> Conversation,
    IReadOnlyList<SpeakUpAccessEntry> GuardiansNotes)
{
    /// <summary>Makes the copy from the case and who they are, decrypted.</summary>
    public static SpeakUpAccessCopy Of(SpeakUpCase found, SpeakUpIdentity? identity, DateTimeOffset now) => new(
        found.Reference,
        now,
        SpeakUpText.Mode(found.Mode),
        found.RaisedOn,
        SpeakUpText.Status(found.Status),
        found.ClosedOn,
        found.DetailsRemovedOn,
        [.. found.Categories.Select(SpeakUpText.Category)],
        SpeakUpText.Detriment(found.Detriment),
        found.ProfessionalGroup,
        found.OrganisationName,
        found.DetailsRemovedOn is null ? found.Concern : null,
        identity?.Name,
        identity?.ContactDetails,
        [.. found.Messages.Select(message => new SpeakUpAccessEntry(message.SentOn, message.FromGuardian ? "the guardian" : "you", message.Body))],
        [.. found.Notes.Select(note => new SpeakUpAccessEntry(note.WrittenOn, "a guardian", note.Body))]);
}

/// <summary>A message or a note.</summary>
/// <param name="On">The day.</param>
/// <param name="From">Who wrote it: "you", "the guardian" or "a guardian".</param>
/// <param name="Text">What they wrote.</param>
public sealed record SpeakUpAccessEntry(DateOnly On, string From, string Text);
