using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Feedback.Rights;

/// <summary>
/// A person's rights over the feedback they gave, as an administrator acts on them with its reference: a copy of
/// everything held (subject access) and erasure of every copy, each in the audit log with the request's details.
/// </summary>
public sealed class FeedbackRights(
    IPersonalDataStore store,
    IUpdateStore updates,
    IKeptReports keptReports,
    IAuditLog audit,
    IDataProtectionProvider dataProtection,
    IEnumerable<ISentEmailCopies> emailCopies,
    TimeProvider time)
{
    private readonly IDataProtector _contactEmail = dataProtection.CreateProtector(FeedbackIntake.ContactEmailPurpose);

    /// <summary>What is held about a reference, for the administrator to check before acting; null when nothing is.</summary>
    public async Task<(HeldFeedback Held, IReadOnlyList<UpdateSummary> Updates)?> FindAsync(string reference, CancellationToken cancellationToken) =>
        await store.FindHeldAsync(reference, cancellationToken) is { } held
            ? (held, await updates.ForFeedbackAsync(reference, cancellationToken))
            : null;

    /// <summary>The copy for a subject access request, recorded in the audit log with the request's details; null when nothing is held.</summary>
    public async Task<SubjectAccessCopy?> CopyAsync(string reference, string actor, string request, CancellationToken cancellationToken)
    {
        if (await FindAsync(reference, cancellationToken) is not var (held, linked))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var copy = SubjectAccessCopy.Of(held, Unprotect(held.ProtectedContactEmail), [.. linked.Select(update => update.Title)], now);
        await audit.RecordAsync(new AuditEntry(now, actor, AuditActions.SubjectAccess, reference, $"Downloaded everything held, for the request: {request}"), cancellationToken);
        return copy;
    }

    /// <summary>
    /// Erases every copy of the feedback: its links to updates, the item and everything the store holds with it, its
    /// quotes in kept reports, and the kept copies of e-mails to its address; recorded in the audit log (which keeps
    /// the reference and the request, never the words). Null when nothing is held.
    /// </summary>
    public async Task<Erasure?> EraseAsync(string reference, string actor, string request, CancellationToken cancellationToken)
    {
        if (await FindAsync(reference, cancellationToken) is not var (held, linked))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var address = Unprotect(held.ProtectedContactEmail);
        foreach (var update in linked)
        {
            await updates.UnlinkFeedbackAsync(update.Slug, reference, actor, now, cancellationToken);
        }

        // The copies outside the store go first: once the item is gone nothing can find them again, so an erasure that
        // stops before then is simply run again.
        var reports = 0;
        foreach (var summary in await keptReports.ListAsync(cancellationToken))
        {
            if (await keptReports.FindAsync(summary.Id, cancellationToken) is { } report && report.WithoutReference(reference) is { } figures)
            {
                await keptReports.ReplaceFiguresAsync(report.Id, figures, cancellationToken);
                reports++;
            }
        }

        var emails = 0;
        if (address is not null)
        {
            foreach (var copies in emailCopies)
            {
                emails += await copies.RemoveAddressedToAsync(address, cancellationToken);
            }
        }

        await store.EraseAsync(reference, cancellationToken);
        var erasure = new Erasure(linked.Count, reports, emails);
        await audit.RecordAsync(new AuditEntry(now, actor, AuditActions.Erased, reference, $"Erased at the person's request ({request}): {erasure.Summary}"), cancellationToken);
        return erasure;
    }

    private string? Unprotect(string? protectedEmail)
    {
        if (protectedEmail is null)
        {
            return null;
        }

        try
        {
            return _contactEmail.Unprotect(protectedEmail);
        }
        catch (CryptographicException)
        {
            // Its key is gone: nobody can read the address, so there is nothing to give or to find.
            return null;
        }
    }
}

/// <summary>What erasure removed beside the item itself.</summary>
/// <param name="Updates">Updates it was unlinked from.</param>
/// <param name="KeptReports">Kept reports it was taken out of.</param>
/// <param name="EmailCopies">Kept copies of e-mails to its address removed.</param>
public sealed record Erasure(int Updates, int KeptReports, int EmailCopies)
{
    /// <summary>What was removed, in words.</summary>
    public string Summary =>
        "the feedback, its conversation, history, analysis and search terms, and the e-mails owed about it"
        + $"; unlinked from {Counted.Of(Updates, "update")}; taken out of {Counted.Of(KeptReports, "kept report")}; {Counted.Of(EmailCopies, "kept e-mail copy", "kept e-mail copies")} removed";
}
