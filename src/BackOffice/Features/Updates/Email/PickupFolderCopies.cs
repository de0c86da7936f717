using MimeKit;
using QualityVoice.Feedback.Rights;

namespace QualityVoice.BackOffice.Features.Updates.Email;

/// <summary>
/// The e-mails written to the pickup folder (<see cref="MailKitEmailSender.PickupDirectory"/>) are copies of what was
/// sent, with the person's address in them: erasure removes those addressed to them. Files not yet renamed into place
/// (<c>.tmp</c>) are left to the sender writing them.
/// </summary>
public sealed class PickupFolderCopies(MailKitEmailSender sender) : ISentEmailCopies
{
    /// <inheritdoc />
    public Task<int> RemoveAddressedToAsync(string address, CancellationToken cancellationToken) =>
        RemoveWhereAsync(file => IsAddressedToAsync(file, address, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<int> RemoveWrittenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        RemoveWhereAsync(file => Task.FromResult(File.GetLastWriteTimeUtc(file) < before.UtcDateTime), cancellationToken);

    /// <summary>Whether a kept e-mail is to <paramref name="address"/>; false for one that is gone or cannot be read as an e-mail.</summary>
    private static async Task<bool> IsAddressedToAsync(string file, string address, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            using var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            return message.GetRecipients().Any(recipient => string.Equals(recipient.Address, address, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception unreadable) when (unreadable is IOException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Deletes the folder's e-mails that <paramref name="goes"/> picks; returns how many.</summary>
    private async Task<int> RemoveWhereAsync(Func<string, Task<bool>> goes, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sender.PickupDirectory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(sender.PickupDirectory, "*.eml"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await goes(file))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }
}
