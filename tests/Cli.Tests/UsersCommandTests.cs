using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityVoice.Cli;
using QualityVoice.Cli.Commands;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Hosting;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

/// <summary><c>./qv users</c>: the back office's rules at the command line, and every change in the audit log.</summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private const string Password = "a long enough phrase for the tests";
    private readonly TemporaryDirectory _folder = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["QualityVoice:DataDirectory"] = _folder.Path;
        builder.AddFeedbackStore();
        builder.AddStaffAccounts();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Demonstration_accounts_are_made_once_with_a_password_each_and_the_guardian_waits_for_a_second_person()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var output = new StringWriter();

        Assert.Equal(0, await DemoAccountsCommand.RunAsync(accounts, output, CancellationToken.None));

        var printed = output.ToString();
        foreach (var (email, _, _) in DemoAccountsCommand.Accounts)
        {
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(email)}  [a-z2-9]{{5}}(-[a-z2-9]{{5}}){{3}}  ", printed);
        }

        var listed = (await accounts.ListAsync()).ToDictionary(account => account.Email, account => account.Roles);
        Assert.Equal([StaffRoles.QualityTeam], listed["quality@demo.qualityvoice.local"]);
        Assert.Equal([StaffRoles.EngagementTeam], listed["engagement@demo.qualityvoice.local"]);
        Assert.Empty(listed["guardian@demo.qualityvoice.local"]);
        Assert.Contains(await accounts.WaitingRequestsAsync(), request => request.Email == "guardian@demo.qualityvoice.local" && request.Role == StaffRoles.FtsuGuardian);

        var again = new StringWriter();
        Assert.Equal(0, await DemoAccountsCommand.RunAsync(accounts, again, CancellationToken.None));
        Assert.Contains("are there already", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_added_at_the_command_line_is_in_the_audit_log_as_the_command_line_s()
    {
        var output = await RunAsync("add", "--email", "first-admin@example.nhs.uk", "--password", Password, "--role", "Administrator");

        Assert.Contains("first-admin@example.nhs.uk can now sign in as Administrator", output, StringComparison.Ordinal);
        var (entries, _) = await _host.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: "first-admin@example.nhs.uk"), 10);
        Assert.Contains(entries, entry => entry.Entry.Actor.StartsWith("command line (", StringComparison.Ordinal) && entry.Entry.Detail == "Gave the role Administrator");
        Assert.Contains(entries, entry => entry.Entry.Detail == "Added the account");
    }

    [Fact]
    public async Task A_guardian_added_at_the_command_line_waits_for_a_second_person()
    {
        var output = await RunAsync("add", "--email", "guardian-cli@example.nhs.uk", "--password", Password, "--role", "FtsuGuardian");
        var listed = await RunAsync("list");

        Assert.Contains("will be a Freedom to Speak Up guardian when another guardian or administrator approves it", output, StringComparison.Ordinal);
        Assert.Contains("guardian-cli@example.nhs.uk\twaiting for a second person to approve: Freedom to Speak Up guardian", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_up_link_is_printed_once_and_audited()
    {
        await RunAsync("add", "--email", "linked@example.nhs.uk", "--password", Password, "--role", "QualityTeam");

        var output = await RunAsync("setup-link", "--email", "linked@example.nhs.uk");

        Assert.Matches(@"/account/two-factor\?token=[A-Za-z0-9_-]{32}", output);
        var (entries, _) = await _host.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: "linked@example.nhs.uk"), 10);
        Assert.Contains(entries, entry => entry.Entry.Detail == "Made a link to set up an authenticator app");
    }

    [Fact]
    public async Task A_common_password_is_refused_saying_why()
    {
        var refused = await Assert.ThrowsAsync<UsageException>(() => RunAsync("add", "--email", "weak@example.nhs.uk", "--password", "password1234", "--role", "QualityTeam"));

        Assert.StartsWith("This is one of the most common passwords", refused.Message, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        using var output = new StringWriter();
        await UsersCommand.RunAsync(
            args, scope.ServiceProvider.GetRequiredService<StaffAccounts>(), scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>(), output, CancellationToken.None);
        return output.ToString();
    }
}
