using QualityVoice.Staff.Accounts;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv users add|list|setup-link</c>: staff accounts at the command line, for the first administrator of a
/// deployment and for scripts, under the same rules as the back office (a guardian's role waits for a second
/// person) and written to the audit log as the command line's.
/// </summary>
internal static class UsersCommand
{
    /// <summary>The verbs and what each role can do.</summary>
    public static readonly string Usage = string.Join(Environment.NewLine, [
        "use one of:",
        "  users add --email E --password P --role R   add an account, or give an existing one another role",
        "  users list                                  every account, its roles, and whether two-factor sign-in is set up",
        "  users setup-link --email E                  a one-time link for setting up an authenticator app",
        "The roles:",
        "  Administrator   manages accounts and reads the audit log; reads and triages feedback,",
        "                  but neither publishes updates nor sees Freedom to Speak Up cases",
        "  QualityTeam     reads and triages feedback, the urgent queue and the dashboard; approves updates",
        "  EngagementTeam  reads feedback; writes \"you said, we did\" updates and tells the people who spoke",
        "  FtsuGuardian    works Freedom to Speak Up cases, which only guardians see; a second guardian",
        "                  or an administrator approves the role in the back office",
    ]);

    /// <summary>The verbs this command knows.</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "add", "list", "setup-link" };

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, StaffAccounts accounts, AuthenticatorSetUpLinks links, TextWriter output, CancellationToken cancellationToken)
    {
        var verb = args.Count > 0 ? args[0] : string.Empty;
        var line = CommandLine.Parse(args.Skip(1).ToArray(), new HashSet<string>());
        var actor = $"command line ({Environment.UserName})";
        switch (verb)
        {
            case "add":
                line.OnlyAllow("email", "password", "role");
                var added = await accounts.AddAsync(line.Required("email"), line.Required("password"), line.Required("role"), actor, cancellationToken);
                if (!added.Succeeded)
                {
                    throw new UsageException(string.Join(" ", added.Problems));
                }

                output.WriteLine($"users: {added.Done}");
                return 0;

            case "list":
                line.OnlyAllow();
                foreach (var account in await accounts.ListAsync(cancellationToken))
                {
                    var twoFactor = account.TwoFactorEnabled ? "two-factor on" : "two-factor off";
                    var disabled = account.Disabled ? ", disabled" : string.Empty;
                    output.WriteLine($"{account.Email}\t{string.Join(", ", account.Roles.Select(StaffRoles.DisplayName))}\t{twoFactor}{disabled}");
                }

                foreach (var request in await accounts.WaitingRequestsAsync(cancellationToken))
                {
                    output.WriteLine($"{request.Email}\twaiting for a second person to approve: {StaffRoles.DisplayName(request.Role)}");
                }

                return 0;

            case "setup-link":
                line.OnlyAllow("email");
                var (token, problem) = await links.CreateAsync(line.Required("email"), actor, cancellationToken);
                if (token is null)
                {
                    throw new UsageException(problem!);
                }

                output.WriteLine($"users: give {line.Required("email")} this link (on the back office's address) to set up their authenticator app; it works once, for 24 hours:");
                output.WriteLine($"{AuthenticatorSetUpLinks.Path}{token}");
                return 0;

            default:
                throw new UsageException(Usage);
        }
    }
}
