using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Appointments;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>
/// Who may change whose account: nobody their own; a guardian only with a second person's approval, announced to
/// every guardian; removing a role, disabling and clearing failed sign-ins, each audited and at once.
/// </summary>
public sealed class AccountAdministrationTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    [Fact]
    public async Task Nobody_can_give_themselves_a_role()
    {
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "self@example.nhs.uk");
        var users = await admin.GetPageAsync("/admin/users");

        using var added = await admin.SubmitAsync(users, [new("Email", "self@example.nhs.uk"), new("Password", BackOfficeFactory.Password), new("Role", StaffRoles.FtsuGuardian)]);
        var own = await admin.GetPageAsync($"/admin/users/{await IdOfAsync("self@example.nhs.uk")}");

        await added.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["You cannot change your own account's roles: ask another administrator."], (await added.ReadPageAsync()).ErrorSummary());
        Assert.Contains("This is your own account", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(own.QuerySelector("main form"));
        Assert.Empty(await WaitingForAsync("self@example.nhs.uk"));
    }

    [Fact]
    public async Task A_guardian_is_appointed_only_when_a_second_person_approves_and_every_guardian_is_told()
    {
        await backOffice.CreateAccountAsync("guardian-one@example.nhs.uk", StaffRoles.FtsuGuardian);
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "asker@example.nhs.uk");

        using (var asked = await admin.SubmitAsync(
            await admin.GetPageAsync("/admin/users"),
            [new("Email", "new-guardian@example.nhs.uk"), new("Password", BackOfficeFactory.Password), new("Role", StaffRoles.FtsuGuardian)]))
        {
            await asked.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var listed = await admin.GetPageAsync("/admin/users");
        Assert.Contains("will be a Freedom to Speak Up guardian when another guardian or administrator approves it", listed.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(waiting: Freedom to Speak Up guardian)", listed.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        // Not a guardian yet: the new account cannot open a case list.
        var newGuardian = await SignInAsync("new-guardian@example.nhs.uk");
        using (var early = await newGuardian.GetAsync(new Uri("/speak-up", UriKind.Relative)))
        {
            await early.ShouldBeAsync(HttpStatusCode.Forbidden);
        }

        // Whoever asked cannot approve it.
        var requestId = (await WaitingForAsync("new-guardian@example.nhs.uk")).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var approvals = await admin.GetPageAsync("/guardian-appointments");
        using (var own = await admin.SubmitAsync(approvals, [new("RequestId", requestId)], "main form[action*=Approve]"))
        {
            await own.ShouldBeAsync(HttpStatusCode.Forbidden);
            Assert.Equal(["You asked for this role, so a second person must approve it: another guardian or administrator."], (await own.ReadPageAsync()).ErrorSummary());
        }

        // Every guardian is told.
        Assert.True(await backOffice.Services.GetRequiredService<RoleRequestAnnouncer>().RunOnceAsync(CancellationToken.None) >= 1);
        var told = Directory.GetFiles(backOffice.PickupDirectory, "*.eml").Select(file => MimeKit.MimeMessage.Load(file))
            .Single(mail => mail.Subject?.Contains("new-guardian@example.nhs.uk", StringComparison.Ordinal) == true);
        Assert.Equal("guardian-one@example.nhs.uk", Assert.Single(told.To.Mailboxes).Address);
        Assert.Contains("asker@example.nhs.uk has asked for new-guardian@example.nhs.uk to be made a Freedom to Speak Up guardian", told.TextBody, StringComparison.Ordinal);

        // Another guardian approves it, and it takes effect.
        var guardian = await SignInAsync("guardian-one@example.nhs.uk");
        using (var approved = await guardian.SubmitAsync(await guardian.GetPageAsync("/guardian-appointments"), [new("RequestId", requestId)], "main form[action*=Approve]"))
        {
            await approved.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using (var now = await (await SignInAsync("new-guardian@example.nhs.uk")).GetAsync(new Uri("/speak-up", UriKind.Relative)))
        {
            await now.ShouldBeAsync(HttpStatusCode.OK);
        }

        var audit = await AuditAsync("new-guardian@example.nhs.uk");
        Assert.Contains(audit, entry => entry is { Actor: "asker@example.nhs.uk", Detail: "Asked for the role Freedom to Speak Up guardian: a second person must approve it" });
        Assert.Contains(audit, entry => entry is { Actor: "guardian-one@example.nhs.uk", Detail: "Approved the role Freedom to Speak Up guardian, asked for by asker@example.nhs.uk" });
    }

    [Fact]
    public async Task An_administrator_cannot_approve_a_guardian_role_for_their_own_account_however_it_was_asked_for()
    {
        await backOffice.CreateAccountAsync("sneaky@example.nhs.uk", StaffRoles.Administrator);
        await using var scope = backOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        Assert.True((await accounts.GrantRoleAsync("sneaky@example.nhs.uk", StaffRoles.FtsuGuardian, "command line (ops)")).AwaitingApproval);
        var request = (await accounts.WaitingRequestsAsync()).Single(waiting => waiting.Email == "sneaky@example.nhs.uk");

        var approved = await accounts.ApproveAsync(request.Id, "sneaky@example.nhs.uk");

        Assert.Equal(["You cannot approve a role for your own account: another guardian or administrator must."], approved.Problems);
        Assert.DoesNotContain(StaffRoles.FtsuGuardian, (await accounts.ListAsync()).Single(account => account.Email == "sneaky@example.nhs.uk").Roles);
    }

    [Fact]
    public async Task Only_guardians_and_administrators_may_approve_and_a_quality_team_member_cannot()
    {
        await backOffice.CreateAccountAsync("bystander@example.nhs.uk", StaffRoles.QualityTeam);
        await using var scope = backOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.AddAsync("hopeful@example.nhs.uk", BackOfficeFactory.Password, StaffRoles.FtsuGuardian, "admin@example.nhs.uk");
        var request = (await accounts.WaitingRequestsAsync()).Single(waiting => waiting.Email == "hopeful@example.nhs.uk");

        Assert.Equal(["Only a Freedom to Speak Up guardian or an administrator can approve this."], (await accounts.ApproveAsync(request.Id, "bystander@example.nhs.uk")).Problems);
        using var page = await (await SignInAsync("bystander@example.nhs.uk")).GetAsync(new Uri("/guardian-appointments", UriKind.Relative));
        await page.ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Removing_a_role_or_disabling_an_account_ends_its_sessions_at_once_and_is_audited()
    {
        await backOffice.CreateAccountAsync("leaver@example.nhs.uk", StaffRoles.QualityTeam);
        await backOffice.CreateAccountAsync("mover@example.nhs.uk", StaffRoles.QualityTeam);
        var leaver = await SignInAsync("leaver@example.nhs.uk");
        var mover = await SignInAsync("mover@example.nhs.uk");
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "remover@example.nhs.uk");

        var moverPage = await admin.GetPageAsync($"/admin/users/{await IdOfAsync("mover@example.nhs.uk")}");
        using (var removed = await admin.SubmitAsync(moverPage, [], "main form[action*=Remove]"))
        {
            await removed.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var leaverPage = await admin.GetPageAsync($"/admin/users/{await IdOfAsync("leaver@example.nhs.uk")}");
        using (var disabled = await admin.SubmitAsync(leaverPage, [], "main form[action*=Disable]"))
        {
            await disabled.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using var moverInbox = await mover.GetAsync(new Uri("/inbox", UriKind.Relative));
        using var leaverInbox = await leaver.GetAsync(new Uri("/inbox", UriKind.Relative));
        Assert.Contains("/account/sign-in", moverInbox.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", leaverInbox.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync("mover@example.nhs.uk"), entry => entry is { Actor: "remover@example.nhs.uk", Detail: "Removed the role Quality team" });
        Assert.Contains(await AuditAsync("leaver@example.nhs.uk"), entry => entry is { Actor: "remover@example.nhs.uk", Detail: "Disabled the account" });
        Assert.Contains("Disabled", (await admin.GetPageAsync("/admin/users")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearing_failed_sign_ins_lets_the_account_sign_in_straight_away_from_where_it_was_made_to_wait()
    {
        await backOffice.CreateAccountAsync("forgetful@example.nhs.uk", StaffRoles.EngagementTeam);
        var browser = backOffice.CreateBrowser(peer: "203.0.113.99");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var _ = await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-in"), [new("Input.Email", "forgetful@example.nhs.uk"), new("Input.Password", "not my password at all")]);
        }

        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "unlocker@example.nhs.uk");
        using (var cleared = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{await IdOfAsync("forgetful@example.nhs.uk")}"), [], "main form[action*=Unlock]"))
        {
            await cleared.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using var signedIn = await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-in"), [new("Input.Email", "forgetful@example.nhs.uk"), new("Input.Password", BackOfficeFactory.Password)]);
        await signedIn.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains(await AuditAsync("forgetful@example.nhs.uk"), entry => entry is { Actor: "unlocker@example.nhs.uk", Detail: "Cleared the failed sign-in attempts" });
    }

    [Fact]
    public async Task Roles_are_shown_by_their_names_and_the_last_administrator_keeps_the_role()
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "namer@example.nhs.uk");
        await backOffice.CreateAccountAsync("names@example.nhs.uk", StaffRoles.QualityTeam);

        var table = (await admin.GetPageAsync("/admin/users")).QuerySelector("main table")!.TextContent;

        Assert.Contains("Quality team", table, StringComparison.Ordinal);
        Assert.DoesNotContain("QualityTeam", table, StringComparison.Ordinal);
        foreach (var other in (await accounts.ListAsync()).Where(account => account.Roles.Contains(StaffRoles.Administrator) && account.Email != "namer@example.nhs.uk"))
        {
            await accounts.DisableAsync(other.Email, "namer-colleague@example.nhs.uk");
        }

        Assert.Equal(["This is the only administrator: give someone else the role first."], (await accounts.RemoveRoleAsync("namer@example.nhs.uk", StaffRoles.Administrator, "someone@example.nhs.uk")).Problems);
        Assert.Equal(["This is the only administrator: give someone else the role first."], (await accounts.DisableAsync("namer@example.nhs.uk", "someone@example.nhs.uk")).Problems);
        foreach (var other in (await accounts.ListAsync()).Where(account => account.Disabled))
        {
            await accounts.EnableAsync(other.Email, "namer-colleague@example.nhs.uk");
        }
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var browser = backOffice.CreateBrowser();
        using var response = await browser.SubmitAsync(await browser.GetPageAsync("/account/sign-in"), [new("Input.Email", email), new("Input.Password", BackOfficeFactory.Password)]);
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync()).Single(account => account.Email == email).Id;
    }

    private async Task<IReadOnlyList<RoleRequest>> WaitingForAsync(string email)
    {
        await using var scope = backOffice.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().WaitingRequestsAsync()).Where(request => request.Email == email).ToArray();
    }

    private async Task<AuditEntry[]> AuditAsync(string subject) =>
        (await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: subject), 50)).Entries.Select(entry => entry.Entry).ToArray();
}
