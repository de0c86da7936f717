using QualityVoice.Staff.Accounts;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv users add --email E --password P --role R</c> and <c>./qv users list</c>: staff accounts at the
/// command line, for the first administrator of a deployment and for scripts.
/// </summary>
internal static class UsersCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, StaffAccounts accounts, TextWriter output, CancellationToken cancellationToken)
    {
        var verb = args.Count > 0 ? args[0] : string.Empty;
        var line = CommandLine.Parse(args.Skip(1).ToArray(), new HashSet<string>());
        switch (verb)
        {
            case "add":
                line.OnlyAllow("email", "password", "role");
                var problems = await accounts.AddAsync(line.Required("email"), line.Required("password"), line.Required("role"));
                if (problems.Count > 0)
                {
                    throw new UsageException(string.Join(" ", problems));
                }

                output.WriteLine($"users: {line.Required("email")} has the role {line.Required("role")}");
                return 0;

            case "list":
                line.OnlyAllow();
                foreach (var account in await accounts.ListAsync(cancellationToken))
                {
                    var twoFactor = account.TwoFactorEnabled ? "two-factor on" : "two-factor off";
                    var locked = account.LockedOutUntil is { } until && until > DateTimeOffset.MinValue ? $", locked until {until:u}" : "";
                    output.WriteLine($"{account.Email}\t{string.Join(", ", account.Roles)}\t{twoFactor}{locked}");
                }

                return 0;

            default:
                throw new UsageException("use 'users add --email E --password P --role R' or 'users list'.");
        }
    }
}
