using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Home;

/// <summary>The home page is a to-do list with counts and links, for what each role does.</summary>
public sealed class ToDoListTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private const string Quality = "to-do.quality@example.nhs.uk";

    [Fact]
    public async Task The_quality_team_sees_urgent_items_waiting_their_open_items_and_updates_to_review()
    {
        var now = TimeProvider.System.GetUtcNow();
        var references = await backOffice.ImportAsync(
            new Sample("I want to end it all") { Urgent = true, At = now.AddHours(-3) },
            new Sample("They left him on the floor all night") { Urgent = true, At = now.AddHours(-2) },
            new Sample("Mine and open") { AssignedTo = Quality },
            new Sample("Mine and in progress") { AssignedTo = Quality, Status = TriageStatus.InProgress },
            new Sample("Mine but closed") { AssignedTo = Quality, Status = TriageStatus.Closed });
        await backOffice.Services.GetRequiredService<IUrgentQueue>().AcknowledgeAsync(
            references[1], new UrgentAcknowledgement("someone@example.nhs.uk", now, "Passed to safeguarding"), CancellationToken.None);
        await ReadyForReviewAsync("shorter-waits", "engagement@example.nhs.uk");
        await ReadyForReviewAsync("my-own-update", Quality);
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        var home = await browser.GetPageAsync("/");

        Assert.Equal("Your to-do list", home.QuerySelector("h1")!.TextContent.Trim());
        var urgent = home.QuerySelector("[data-testid=to-do-urgent] a")!;
        Assert.Equal("/inbox#urgent", urgent.GetAttribute("href"));
        Assert.StartsWith("1 urgent item waiting to be read", urgent.TextContent.Trim(), StringComparison.Ordinal);
        var mine = home.QuerySelector("[data-testid=to-do-mine] a")!;
        Assert.Equal("2 open items given to you", mine.TextContent.Trim());
        Assert.Equal("/inbox?assignedTo=me", mine.GetAttribute("href"));
        Assert.Equal("1 update waiting for your review", home.QuerySelector("[data-testid=to-do-review] a")!.TextContent.Trim());
        Assert.Null(home.QuerySelector("[data-testid=to-do-speak-up]"));
    }

    [Fact]
    public async Task A_guardian_sees_cases_waiting_for_an_answer_and_nothing_of_feedback()
    {
        await backOffice.Services.GetRequiredService<SpeakUpIntake>().RaiseAsync(
            new NewSpeakUpCase(SpeakUpMode.Anonymous, [SpeakUpCategory.PatientSafetyOrQuality], DetrimentAnswer.No, "nursing-and-midwifery", null, "Staffing on nights is unsafe.", null, null),
            null,
            CancellationToken.None);
        var browser = await backOffice.SignInAsync(StaffRoles.FtsuGuardian);

        var home = await browser.GetPageAsync("/");

        var cases = home.QuerySelector("[data-testid=to-do-speak-up] a")!;
        Assert.Matches(@"^\d+ cases? waiting for a guardian's answer$", cases.TextContent.Trim());
        Assert.NotEqual("0", cases.TextContent.Trim()[..1]);
        Assert.Null(home.QuerySelector("[data-testid=to-do-urgent]"));
        Assert.Null(home.QuerySelector("[data-testid=to-do-mine]"));
        Assert.Null(home.QuerySelector("[data-testid=to-do-review]"));
    }

    private async Task ReadyForReviewAsync(string slug, string author)
    {
        var updates = backOffice.Services.GetRequiredService<IUpdateStore>();
        var now = TimeProvider.System.GetUtcNow();
        slug = await updates.CreateAsync(
            slug,
            _ => false,
            new UpdateContent("Shorter waits in the clinic", "positive-experiences", null, "done", "You told us the wait was long.", "We added a second clinic.", [], [], []),
            author,
            now,
            CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, author, now, CancellationToken.None);
    }
}
