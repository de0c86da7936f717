using System.Net.Mail;

namespace QualityVoice.Feedback.Intake;

/// <summary>The check an e-mail address for contact must pass.</summary>
public static class ContactEmail
{
    /// <summary>The longest address there can be (RFC 5321's limit on a path).</summary>
    public const int MaxLength = 254;

    /// <summary>Whether an address looks deliverable: one @, a dot in the domain, no spaces, at most 254 characters.</summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > MaxLength || address.Any(char.IsWhiteSpace) || address.Any(char.IsControl))
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || !address[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || address.EndsWith('.'))
        {
            return false;
        }

        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
    }
}
