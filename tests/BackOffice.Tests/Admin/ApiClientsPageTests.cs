using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Admin;

/// <summary>Administrators issue and revoke API keys in the browser as ./qv api-clients does, each audited.</summary>
public sealed class ApiClientsPageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_key_is_shown_once_to_the_administrator_who_issued_it_and_revoked_with_a_button()
    {
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "keys@example.nhs.uk");
        var page = await admin.GetPageAsync("/admin/api-clients");

        using var issued = await admin.SubmitAsync(page, [new("Name", "Acme SMS surveys"), new("RequestsPerSecond", "50")], "main form[action*=Issue]");
        await issued.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(issued.Headers.CacheControl?.NoStore, "the page with the key must never be kept");
        var answer = await issued.ReadPageAsync();
        var key = answer.QuerySelector("[data-testid=issued-key]")!.TextContent.Trim();

        Assert.Matches("^qv_[2-9A-Z]{40}$", key);
        var stored = (await backOffice.Services.GetRequiredService<IApiClientStore>().ListAsync(CancellationToken.None)).Single(client => client.Name == "Acme SMS surveys");
        Assert.Equal(backOffice.Services.GetRequiredService<PassphraseHasher>().HashApiKey(key), stored.KeyHash);
        Assert.Equal(50, stored.RequestsPerSecond);
        Assert.Equal("keys@example.nhs.uk", stored.IssuedBy);

        // Never again: the list shows only the key's first characters.
        var listed = await admin.GetPageAsync("/admin/api-clients");
        Assert.DoesNotContain(key, listed.Source.Text, StringComparison.Ordinal);
        Assert.Contains(key[..7] + "…", listed.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        using var revoked = await admin.SubmitAsync(listed, [], "main form[action*=Revoke]");
        await revoked.ShouldBeAsync(HttpStatusCode.Redirect);
        var after = await admin.GetPageAsync("/admin/api-clients");
        Assert.Contains("is revoked", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Revoked", after.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Action: AuditActions.ApiClient, Subject: "api-client:Acme SMS surveys"), 10);
        Assert.Equal(["Revoked its key", "Issued a key"], entries.Select(entry => entry.Entry.Detail.Split(" (")[0]));
        Assert.All(entries, entry => Assert.DoesNotContain(key, entry.Entry.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_taken_name_or_a_rate_that_is_not_a_number_is_named_in_the_error_summary()
    {
        var admin = await backOffice.SignInAsync(StaffRoles.Administrator, "keys-two@example.nhs.uk");
        using (await admin.SubmitAsync(await admin.GetPageAsync("/admin/api-clients"), [new("Name", "Kiosks")], "main form[action*=Issue]"))
        {
        }

        using var taken = await admin.SubmitAsync(await admin.GetPageAsync("/admin/api-clients"), [new("Name", "kiosks")], "main form[action*=Issue]");
        using var rate = await admin.SubmitAsync(await admin.GetPageAsync("/admin/api-clients"), [new("Name", "Paper"), new("RequestsPerSecond", "lots")], "main form[action*=Issue]");

        await taken.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["There is already a client called 'kiosks' (names are never reused, even after a key is revoked)."], (await taken.ReadPageAsync()).ErrorSummary());
        await rate.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Enter the rate limit as a whole number of requests a second, or leave it empty"], (await rate.ReadPageAsync()).ErrorSummary());
    }
}
