using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.SpeakUp;

/// <summary>
/// Freedom to Speak Up guardians work the cases staff raise: the concern, who raised it when they chose to say, a
/// conversation the person reads with their reference and passphrase, and the status. Nobody else can open them.
/// </summary>
public sealed class GuardianTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private const string Guardian = "guardian@example.nhs.uk";

    [Fact]
    public async Task A_guardian_reads_a_confidential_case_with_who_raised_it_replies_and_closes_it()
    {
        var reference = await RaiseAsync(SpeakUpMode.Confidential, "Sam Patel", "07700 900456");
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian, Guardian);

        var list = await guardian.GetPageAsync("/speak-up");
        var row = Assert.Single(list.QuerySelectorAll("main tbody tr"), tr => tr.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Waiting for you", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Element of bullying or harassment", row.TextContent, StringComparison.Ordinal);

        var page = await guardian.GetPageAsync($"/speak-up/{reference}");
        Assert.Equal("Sam Patel07700 900456", page.QuerySelector("[data-testid=identity]")!.TextContent.Trim());
        Assert.Equal("My manager shouts at the team when we raise staffing.", page.QuerySelector("[data-testid=concern]")!.TextContent.Trim());

        using (var empty = await guardian.SubmitAsync(page, [new("Reply", "  ")], "form[action*=Reply]"))
        {
            await empty.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Enter your reply"], (await empty.ReadPageAsync()).ErrorSummary());
        }

        using (var replied = await guardian.SubmitAsync(page, [new("Reply", "Thank you for telling me. Can we meet on Tuesday?")], "form[action*=Reply]"))
        {
            await replied.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var seen = (await backOffice.Services.GetRequiredService<ISpeakUpStore>().FindForReporterAsync(reference, CancellationToken.None))!.Value.Case;
        Assert.Equal(SpeakUpStatus.InProgress, seen.Status);
        Assert.Equal("Thank you for telling me. Can we meet on Tuesday?", Assert.Single(seen.Messages).Body);

        using (var noted = await guardian.SubmitAsync(await guardian.GetPageAsync($"/speak-up/{reference}"), [new("Note", "Met Sam; raised with the director of nursing.")], "form[action*=Note]"))
        {
            await noted.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal("Met Sam; raised with the director of nursing.", (await guardian.GetPageAsync($"/speak-up/{reference}")).QuerySelector("[data-testid=notes] .qv-said")!.TextContent);
        Assert.Single((await backOffice.Services.GetRequiredService<ISpeakUpStore>().FindForReporterAsync(reference, CancellationToken.None))!.Value.Case.Messages);

        using (var closed = await guardian.SubmitAsync(await guardian.GetPageAsync($"/speak-up/{reference}"), [new("Status", "closed")], "form[action*=Status]"))
        {
            await closed.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var casework = backOffice.Services.GetRequiredService<ISpeakUpCasework>();
        var closedCase = (await casework.GetAsync(reference, CancellationToken.None))!;
        Assert.Equal(SpeakUpStatus.Closed, closedCase.Status);
        Assert.NotNull(closedCase.ClosedOn);

        // Years later the retention policy removes its details; the guardian's page says so and shows none of them.
        Assert.True(await casework.RemoveDetailsAsync(reference, closedCase.ClosedOn!.Value.AddYears(6), CancellationToken.None));
        var retained = await guardian.GetPageAsync($"/speak-up/{reference}");
        Assert.Contains("were removed on", retained.QuerySelector("[data-testid=details-removed]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("shouts", retained.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Met Sam", retained.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The audit log holds who opened and changed it, by reference only: never the concern or who raised it.
        var audit = (await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: reference, Area: AuditArea.SpeakUp), 20)).Entries.Select(entry => entry.Entry).ToArray();
        Assert.Contains(audit, entry => entry is { Actor: Guardian, Action: AuditActions.Viewed, Detail: "Opened the case, with who raised it" });
        Assert.Contains(audit, entry => entry is { Action: AuditActions.Changed, Detail: "Moved to Closed" });
        Assert.DoesNotContain(audit, entry => entry.Detail.Contains("Sam Patel", StringComparison.Ordinal) || entry.Detail.Contains("shouts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_case_shows_nothing_about_who_raised_it()
    {
        var reference = await RaiseAsync(SpeakUpMode.Anonymous, null, null);
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian, Guardian);

        var page = await guardian.GetPageAsync($"/speak-up/{reference}");

        Assert.Null(page.QuerySelector("[data-testid=identity]"));
        Assert.Contains("Anonymously", page.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quarterly_data_return_counts_cases_and_downloads_as_csv_without_any_case_in_it()
    {
        var reference = await RaiseAsync(SpeakUpMode.Anonymous, null, null);
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian, Guardian);

        var page = await guardian.GetPageAsync("/speak-up/data-return");
        var counts = page.QuerySelectorAll("main tbody tr").ToDictionary(tr => tr.Children[0].CellText().Trim(), tr => int.Parse(tr.Children[1].CellText(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(counts["Cases raised anonymously"] >= 1);
        Assert.True(counts["Cases raised"] >= counts["Cases raised anonymously"]);

        using var csv = await guardian.GetAsync(new Uri("/speak-up/data-return?handler=Csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Quarter,Measure,Count", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Cases with an element of bullying or harassment", text, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, text, StringComparison.Ordinal);
        Assert.DoesNotContain("shouts", text, StringComparison.Ordinal);

        using var bad = await guardian.GetAsync(new Uri("/speak-up/data-return?quarter=2026-Q9", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.QualityTeam)]
    [InlineData(StaffRoles.EngagementTeam)]
    public async Task Nobody_but_a_guardian_opens_a_case(string role)
    {
        var reference = await RaiseAsync(SpeakUpMode.Open, "Alex Jones", "alex@example.nhs.uk");
        var browser = await backOffice.SignInAsync(role, $"{role.ToLowerInvariant()}-speak-up@example.nhs.uk");

        foreach (var path in new[] { "/speak-up", $"/speak-up/{reference}" })
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Alex Jones", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_guardian_gives_the_person_a_copy_of_their_case_and_erases_its_details_at_their_request()
    {
        const string Request = "Sam asked in person on 30 November and showed the reference and passphrase";
        var reference = await RaiseAsync(SpeakUpMode.Open, "Sam Patel", "sam.patel@example.nhs.uk");
        var guardian = await backOffice.SignInAsync(StaffRoles.FtsuGuardian, Guardian);
        var page = await guardian.GetPageAsync($"/speak-up/{reference}");
        using (var replied = await guardian.SubmitAsync(page, [new("Reply", "Thank you. Can we meet?")], "form[action*=Reply]"))
        {
            await replied.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        page = await guardian.GetPageAsync($"/speak-up/{reference}");
        using (var noRequest = await guardian.SubmitAsync(page, [new("RequestDetails", " ")], "main button[formaction*=Copy]"))
        {
            await noRequest.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Enter the request: who asked, when, and how you checked it was the person who spoke up"], (await noRequest.ReadPageAsync()).ErrorSummary());
        }

        using (var download = await guardian.SubmitAsync(page, [new("RequestDetails", Request)], "main button[formaction*=Copy]"))
        {
            await download.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal($"{reference}-everything-held.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
            using var copy = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync());
            Assert.Equal("My manager shouts at the team when we raise staffing.", copy.RootElement.GetProperty("concern").GetString());
            Assert.Equal("Sam Patel", copy.RootElement.GetProperty("name").GetString());
            Assert.Equal("sam.patel@example.nhs.uk", copy.RootElement.GetProperty("contactDetails").GetString());
            var message = Assert.Single(copy.RootElement.GetProperty("conversation").EnumerateArray());
            Assert.Equal(("the guardian", "Thank you. Can we meet?"), (message.GetProperty("from").GetString(), message.GetProperty("text").GetString()));
        }

        using (var unconfirmed = await guardian.SubmitAsync(page, [new("RequestDetails", Request), new("Confirm", "SU-AAAA-AAAA")], "main button[formaction*=Erase]"))
        {
            await unconfirmed.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal([$"Type the reference {reference} again to confirm that these are the details to erase"], (await unconfirmed.ReadPageAsync()).ErrorSummary());
        }

        using (var erased = await guardian.SubmitAsync(page, [new("RequestDetails", Request), new("Confirm", reference.ToLowerInvariant())], "main button[formaction*=Erase]"))
        {
            await erased.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var after = await guardian.GetPageAsync($"/speak-up/{reference}");
        Assert.Contains("its details are erased", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("[data-testid=details-removed]"));
        Assert.Null(after.QuerySelector("[data-testid=rights]"));
        Assert.DoesNotContain("Sam Patel", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var erasedCase = (await backOffice.Services.GetRequiredService<ISpeakUpCasework>().GetAsync(reference, CancellationToken.None))!;
        Assert.Equal(SpeakUpStatus.Closed, erasedCase.Status);
        Assert.Equal([SpeakUpCategory.BullyingOrHarassment], erasedCase.Categories);
        Assert.Null(erasedCase.ProtectedIdentity);

        var audit = (await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: reference, Area: AuditArea.SpeakUp), 20)).Entries.Select(entry => entry.Entry).ToArray();
        Assert.Contains(audit, entry => entry is { Actor: Guardian, Action: AuditActions.SubjectAccess } && entry.Detail.Contains(Request, StringComparison.Ordinal));
        Assert.Contains(audit, entry => entry is { Actor: Guardian, Action: AuditActions.Erased } && entry.Detail.Contains(Request, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, entry => entry.Detail.Contains("shouts", StringComparison.Ordinal));
    }

    private async Task<string> RaiseAsync(SpeakUpMode mode, string? name, string? contact)
    {
        var result = await backOffice.Services.GetRequiredService<SpeakUpIntake>().RaiseAsync(
            new NewSpeakUpCase(mode, [SpeakUpCategory.BullyingOrHarassment], DetrimentAnswer.Yes, "nursing-and-midwifery", null, "My manager shouts at the team when we raise staffing.", name, contact),
            null,
            CancellationToken.None);
        return Assert.IsType<Feedback.Intake.IntakeResult.Accepted>(result).Reference;
    }
}
