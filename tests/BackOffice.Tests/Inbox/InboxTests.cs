using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Inbox;

public sealed class InboxTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_inbox_lists_stored_feedback_newest_first_with_markup_shown_as_text()
    {
        var intake = backOffice.Services.GetRequiredService<FeedbackIntake>();
        var older = await SubmitAsync(intake, "Older comment");
        var newer = await SubmitAsync(intake, "<b>Newer</b> comment");
        await backOffice.AnalyseEverythingAsync();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var inbox = await browser.GetPageAsync("/inbox");

        var rows = inbox.QuerySelectorAll("tbody tr").Select(row => row.TextContent).ToList();
        var newerRow = rows.FindIndex(row => row.Contains(newer, StringComparison.Ordinal));
        var olderRow = rows.FindIndex(row => row.Contains(older, StringComparison.Ordinal));
        Assert.True(newerRow >= 0 && olderRow > newerRow);
        Assert.Contains("<b>Newer</b> comment", rows[newerRow], StringComparison.Ordinal);
        Assert.Empty(inbox.QuerySelectorAll("tbody b"));

        // Each row stacks into a card on a phone: the NHS.UK responsive table, every cell labelled with its column.
        var table = inbox.QuerySelector("table.nhsuk-table--responsive[role=table]")!;
        Assert.Equal(
            ["Item ", "Service ", "Overall ", "Status ", "What people said (personal details hidden) "],
            table.QuerySelector("tbody tr[role=row]")!.QuerySelectorAll("td[role=cell] > .nhsuk-table__heading[aria-hidden=true]").Select(heading => heading.TextContent));
        Assert.Equal(6, table.QuerySelectorAll("thead th[role=columnheader]").Length);

        // One line of what they said, the rest in a preview opened in place.
        var preview = inbox.QuerySelectorAll("tbody tr").First(row => row.TextContent.Contains(newer, StringComparison.Ordinal)).QuerySelector("details.qv-preview")!;
        Assert.Equal("<b>Newer</b> comment", preview.QuerySelector("summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_guardian_cannot_open_the_feedback_inbox()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.FtsuGuardian);

        using var response = await browser.GetAsync(new Uri("/inbox", UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Equal("You do not have permission to see this page", (await response.ReadPageAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    private static async Task<string> SubmitAsync(FeedbackIntake intake, string text)
    {
        var result = await intake.SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "other", "Ward 1", FftRating.Poor, null, text, null, CollectionMode.Online),
            null,
            CancellationToken.None);
        return Assert.IsType<IntakeResult.Accepted>(result).Reference;
    }
}
