using MimeKit;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// The e-mail that tells someone an update answering their feedback is published: plain words, their reference
/// (which they know), the service, and the link. Never what they wrote.
/// </summary>
public static class UpdateEmail
{
    /// <summary>The message to <paramref name="to"/> about one update that answers one or more of their items.</summary>
    public static MimeMessage Compose(IReadOnlyList<UpdateNotification> owed, string to, string from, string icbName, PublishingOptions options)
    {
        var notification = owed[0];
        var services = owed.Select(item => item.ServiceName).Distinct(StringComparer.Ordinal).ToArray();
        var gave = owed.Count == 1
            ? $"You gave us feedback about {notification.ServiceName} (your reference is {notification.Reference})."
            : $"You gave us feedback about {string.Join(" and ", services)} (your references are {string.Join(", ", owed.Select(item => item.Reference).Order(StringComparer.Ordinal))}).";
        var link = options.PortalAddress($"/you-said-we-did/{notification.Slug}");
        var track = options.PortalAddress("/track");
        // E-mail lines end CRLF (RFC 5322), whatever the server's platform.
        var body = string.Join("\r\n", [
            "Hello,",
            string.Empty,
            gave,
            string.Empty,
            "We have published what we are doing because of what you and others told us:",
            string.Empty,
            notification.Title,
            link,
            string.Empty,
            $"You can also see it when you track your feedback at {track} with your reference and passphrase.",
            string.Empty,
            "Thank you for telling us. Your feedback makes a difference.",
            string.Empty,
            icbName,
            string.Empty,
            "You are getting this e-mail because you asked us to contact you about your feedback. We will not use your address for anything else.",
            $"To stop these e-mails and delete your address, track your feedback at {track} and choose \"Stop e-mails\".",
            string.Empty,
        ]);
        return PlainEmail.Compose(from, icbName, to, $"What we did about your feedback: {notification.Title}", body);
    }
}
