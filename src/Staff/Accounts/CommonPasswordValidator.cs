using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace QualityVoice.Staff.Accounts;

/// <summary>
/// Refuses passwords that guessing tries first (NCSC: block the most common passwords rather than demand symbols):
/// any of the ~49,000 most common passwords (zxcvbn-ts's list, embedded at build time), one of them with digits
/// or symbols added at either end, one character repeated, or the account's own e-mail address or the service's
/// name inside it. Length is checked by Identity's own rule (at least 12 characters).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(Why(password ?? string.Empty, user.Email ?? user.UserName) is { } why
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = why })
            : IdentityResult.Success);

    /// <summary>Why a password is too easy to guess for the account with this e-mail address; null when it is not.</summary>
    public static string? Why(string password, string? email)
    {
        var lower = password.Trim().ToLowerInvariant();
        var squeezed = string.Concat(lower.Where(c => !char.IsWhiteSpace(c)));
        var core = squeezed.Trim("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\|`¬".ToCharArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(squeezed))
        {
            return "This is one of the most common passwords. Choose another: three or more random words work well.";
        }

        if (core.Length >= 3 && core != squeezed && Common.Value.Contains(core))
        {
            return "This is a common password with numbers or symbols added. Choose another: three or more random words work well.";
        }

        if (squeezed.Length > 0 && squeezed.Distinct().Count() <= 2)
        {
            return "Use more than one or two different characters.";
        }

        var name = string.Concat((email?.Split('@')[0] ?? string.Empty).ToLowerInvariant().Where(char.IsLetterOrDigit));
        if (name.Length >= 4 && string.Concat(squeezed.Where(char.IsLetterOrDigit)).Contains(name, StringComparison.Ordinal))
        {
            return "Do not use your email address in your password.";
        }

        return squeezed.Contains("qualityvoice", StringComparison.Ordinal)
            ? "Do not use the name of the service in your password."
            : null;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("QualityVoice.Staff.common-passwords.json")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in QualityVoice.Staff.");
        var words = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return new HashSet<string>(words.Select(word => word.ToLowerInvariant()), StringComparer.Ordinal);
    }
}
