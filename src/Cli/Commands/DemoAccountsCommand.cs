using System.Security.Cryptography;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv run --demo</c>'s accounts: one for each role, so that a newcomer can try every journey at once. Each
/// password is made here and printed once, with what the account can do. The guardian's role waits, as every
/// guardian's does, for a second person: the administrator approves it under "Roles to approve".
/// </summary>
internal static class DemoAccountsCommand
{
    /// <summary>The demonstration accounts: address, role, and what they can do.</summary>
    public static readonly IReadOnlyList<(string Email, string Role, string CanDo)> Accounts =
    [
        ("quality@demo.qualityvoice.local", StaffRoles.QualityTeam, "reads and triages feedback, the urgent queue and the dashboard; approves updates"),
        ("reviewer@demo.qualityvoice.local", StaffRoles.QualityTeam, "a second person in the quality team, to approve what quality@ writes"),
        ("engagement@demo.qualityvoice.local", StaffRoles.EngagementTeam, "writes \"you said, we did\" updates and sends them for review"),
        ("guardian@demo.qualityvoice.local", StaffRoles.FtsuGuardian, "works Freedom to Speak Up cases, once the administrator approves the role under \"Roles to approve\""),
    ];

    public static async Task<int> RunAsync(StaffAccounts accounts, TextWriter output, CancellationToken cancellationToken)
    {
        var existing = (await accounts.ListAsync(cancellationToken)).Select(account => account.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var waiting = (await accounts.WaitingRequestsAsync(cancellationToken)).Select(request => request.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (Accounts.All(account => existing.Contains(account.Email) || waiting.Contains(account.Email)))
        {
            output.WriteLine("qv: the demonstration accounts are there already (their passwords were printed when they were made).");
            return 0;
        }

        output.WriteLine("qv: demonstration accounts (each password is shown only now):");
        foreach (var (email, role, canDo) in Accounts.Where(account => !existing.Contains(account.Email) && !waiting.Contains(account.Email)))
        {
            var password = Password();
            var added = await accounts.AddAsync(email, password, role, "command line (demonstration)", cancellationToken);
            if (!added.Succeeded)
            {
                throw new UsageException(string.Join(" ", added.Problems));
            }

            output.WriteLine($"  {email}  {password}  {StaffRoles.DisplayName(role)}: {canDo}");
        }

        return 0;
    }

    // Four groups of five letters and digits: about 100 bits, easy to copy, and not a common password.
    private static string Password()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 5).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}
