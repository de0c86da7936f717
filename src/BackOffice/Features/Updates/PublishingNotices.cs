using System.Globalization;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// The e-mails staff get about "you said, we did" work: everyone who may review is told an update waits for them;
/// the person who sent it for review is told it was approved, or sent back and why. Titles and links only.
/// </summary>
public static class PublishingNotices
{
    /// <summary>To each possible reviewer (not the person who sent it, nor who wrote the version): it waits for review.</summary>
    public static IReadOnlyList<StaffNotice> ForReview(YouSaidWeDidUpdate update, string sentBy, IEnumerable<string> reviewers, PublishingOptions options) =>
        reviewers
            .Where(reviewer => !string.Equals(reviewer, sentBy, StringComparison.OrdinalIgnoreCase) && !string.Equals(reviewer, update.EditedBy, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(reviewer => new StaffNotice(
                reviewer,
                $"An update waits for your review: {update.Content.Title}",
                Body(
                    $"{sentBy} has sent the \"you said, we did\" update \"{update.Content.Title}\" for review.",
                    "A second person must approve it before it goes on the portal. Read it, then approve it or send it back with what needs to change:",
                    options.BackOfficeAddress($"/updates/{update.Slug}"))))
            .ToArray();

    /// <summary>To the person who sent it for review: it was approved (and when it goes live).</summary>
    public static IReadOnlyList<StaffNotice> Approved(YouSaidWeDidUpdate update, string approvedBy, DateTimeOffset publishAt, DateTimeOffset now, PublishingOptions options) =>
        ToAuthor(
            update,
            approvedBy,
            $"Your update was approved: {update.Content.Title}",
            publishAt <= now
                ? $"{approvedBy} approved \"{update.Content.Title}\". It is on the portal now, and the people whose feedback it answers are being told."
                : $"{approvedBy} approved \"{update.Content.Title}\". It goes on the portal on {UkTime.Of(publishAt).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} (UK time).",
            options);

    /// <summary>To the person who sent it for review: it was sent back, and why.</summary>
    public static IReadOnlyList<StaffNotice> SentBack(YouSaidWeDidUpdate update, string sentBackBy, string reason, PublishingOptions options) =>
        ToAuthor(
            update,
            sentBackBy,
            $"Your update was sent back: {update.Content.Title}",
            $"{sentBackBy} sent \"{update.Content.Title}\" back to draft. What needs to change: {reason}",
            options);

    private static IReadOnlyList<StaffNotice> ToAuthor(YouSaidWeDidUpdate update, string decidedBy, string subject, string what, PublishingOptions options) =>
        update.SubmittedBy is { } author && !string.Equals(author, decidedBy, StringComparison.OrdinalIgnoreCase)
            ? [new StaffNotice(author, subject, Body(what, "The update:", options.BackOfficeAddress($"/updates/{update.Slug}")))]
            : [];

    private static string Body(params string[] lines) =>
        string.Join("\r\n", ["Hello,", string.Empty, .. lines, string.Empty, "QualityVoice", string.Empty]);
}
