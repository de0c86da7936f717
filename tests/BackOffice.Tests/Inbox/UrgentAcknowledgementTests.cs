using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Inbox;
using QualityVoice.BackOffice.Tests.Updates;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Inbox;

/// <summary>
/// The urgent queue's 24-hour promise: acknowledging an item (who read it, and the first action) stops its clock,
/// unacknowledged items come first, and the quality team is e-mailed once about an item nobody read in time.
/// </summary>
public sealed class UrgentAcknowledgementTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    private const string Quality = "quality.lead@example.nhs.uk";

    [Fact]
    public async Task Acknowledging_stops_the_clock_and_moves_the_item_below_those_still_waiting()
    {
        var now = backOffice.Clock.GetUtcNow();
        var (older, newer) = await TwoUrgentAsync(now.AddHours(-30), now.AddHours(-2));
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        var inbox = await browser.GetPageAsync("/inbox");
        Assert.Equal([older, newer], UrgentReferences(inbox).Where(reference => reference == older || reference == newer));
        Assert.Contains("Overdue by 6 hours", RowOf(inbox, older), StringComparison.Ordinal);

        var item = await browser.GetPageAsync($"/inbox/{older}");
        using var noChoice = await browser.SubmitAsync(item, [], "form[action*=Acknowledge]");
        await noChoice.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select what you did first", (await noChoice.ReadPageAsync()).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);

        using var made = await browser.SubmitAsync(item, [new("FirstAction", "Passed to safeguarding")], "form[action*=Acknowledge]");
        await made.ShouldBeAsync(HttpStatusCode.Redirect);

        var read = await browser.GetPageAsync($"/inbox/{older}");
        Assert.Null(read.QuerySelector("form[action*=Acknowledge]"));
        var said = read.QuerySelector("[data-testid=acknowledged]")!.TextContent;
        Assert.Contains($"Read by {Quality}", said, StringComparison.Ordinal);
        Assert.Contains("30 hours after it arrived. First action: Passed to safeguarding.", said, StringComparison.Ordinal);
        Assert.Contains("First action: Passed to safeguarding", read.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        inbox = await browser.GetPageAsync("/inbox");
        Assert.Equal([newer, older], UrgentReferences(inbox).Where(reference => reference == older || reference == newer));
        Assert.Contains("Read", RowOf(inbox, older), StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", RowOf(inbox, older), StringComparison.Ordinal);
        Assert.Contains("Due in 22 hours", RowOf(inbox, newer), StringComparison.Ordinal);

        // A second acknowledgement, from a page opened before the first, is refused and names who read it.
        using var again = await browser.SubmitAsync(item, [new("FirstAction", "Contacted the person")], "form[action*=Acknowledge]");
        await again.ShouldBeAsync(HttpStatusCode.BadRequest);
        var refused = await again.ReadPageAsync();
        Assert.Contains($"{Quality} already recorded reading it", refused.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        refused.AssertErrorLinksLeadToFields();
    }

    [Fact]
    public async Task Only_urgent_items_are_acknowledged()
    {
        var calm = (await backOffice.ImportAsync(new Sample("The parking was hard to find"))).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        var page = await browser.GetPageAsync($"/inbox/{calm}");
        Assert.Null(page.QuerySelector("form[action*=Acknowledge]"));
        Assert.False(await backOffice.Services.GetRequiredService<IUrgentQueue>().AcknowledgeAsync(
            calm, new UrgentAcknowledgement(Quality, backOffice.Clock.GetUtcNow(), "Contacted the person"), CancellationToken.None));
    }

    [Fact]
    public async Task The_quality_team_is_emailed_once_about_an_urgent_item_nobody_read_in_24_hours()
    {
        await backOffice.CreateAccountAsync("quality.one@example.nhs.uk", StaffRoles.QualityTeam);
        await backOffice.CreateAccountAsync("engagement.one@example.nhs.uk", StaffRoles.EngagementTeam);
        var now = backOffice.Clock.GetUtcNow();
        var (overdue, dueSoon) = await TwoUrgentAsync(now.AddHours(-25), now.AddHours(-23));
        var readInTime = (await backOffice.ImportAsync(new Sample("They hit him when the nurse was not looking") { Urgent = true, At = now.AddHours(-26) })).Single();
        Assert.True(await backOffice.Services.GetRequiredService<IUrgentQueue>().AcknowledgeAsync(
            readInTime, new UrgentAcknowledgement(Quality, now.AddHours(-20), "Passed to safeguarding"), CancellationToken.None));
        var announcer = backOffice.Services.GetRequiredService<OverdueUrgentAnnouncer>();

        Assert.True(await announcer.RunOnceAsync(CancellationToken.None) >= 1);

        var emails = await EmailsAboutAsync(overdue);
        Assert.Contains("quality.one@example.nhs.uk", emails.Select(email => email.To));
        Assert.DoesNotContain("engagement.one@example.nhs.uk", emails.Select(email => email.To));
        var one = emails.First();
        Assert.Equal($"Urgent feedback {overdue} has waited more than 24 hours", one.Subject);
        Assert.Contains($"/inbox/{overdue}", one.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("I want to end it", one.Body, StringComparison.Ordinal);
        Assert.Empty(await EmailsAboutAsync(dueSoon));
        Assert.Empty(await EmailsAboutAsync(readInTime));

        // Told once: the next round has nothing more to say about it.
        var before = emails.Count;
        await announcer.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before, (await EmailsAboutAsync(overdue)).Count);
    }

    [Fact]
    public async Task An_answer_on_track_that_reads_as_urgent_puts_the_item_back_in_the_queue_with_a_new_24_hours()
    {
        var now = backOffice.Clock.GetUtcNow();
        var (read, _) = await TwoUrgentAsync(now.AddHours(-50), now.AddHours(-49));
        var calm = (await backOffice.ImportAsync(new Sample("The parking was hard to find") { At = now.AddHours(-48) })).Single();
        var queue = backOffice.Services.GetRequiredService<IUrgentQueue>();
        Assert.True(await queue.AcknowledgeAsync(read, new UrgentAcknowledgement(Quality, now.AddHours(-45), "Contacted the person"), CancellationToken.None));

        const string Danger = "Thank you for calling. Since then I have been thinking of ending my life";
        Assert.True(UrgentResponse.IsUrgentAnswer(Danger));
        Assert.False(UrgentResponse.IsUrgentAnswer("It was on the Tuesday, thank you"));
        var conversation = backOffice.Services.GetRequiredService<IFeedbackConversation>();
        foreach (var reference in new[] { read, calm })
        {
            Assert.True(await conversation.AnswerAsync(reference, new FeedbackMessage(true, Danger, Danger, now.AddHours(-1)), TriageStatus.InProgress, urgent: true, CancellationToken.None));
        }

        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);
        var inbox = await browser.GetPageAsync("/inbox");
        foreach (var reference in new[] { read, calm })
        {
            Assert.Contains("Due in 23 hours", RowOf(inbox, reference), StringComparison.Ordinal);
            Assert.Contains("Their answer on /track reads as urgent", RowOf(inbox, reference), StringComparison.Ordinal);
        }

        var page = await browser.GetPageAsync($"/inbox/{read}");
        Assert.NotNull(page.QuerySelector("[data-testid=urgent-answer]"));
        Assert.NotNull(page.QuerySelector("form[action*=Acknowledge]"));
        var item = (await backOffice.Services.GetRequiredService<ITriageStore>().GetAsync(read, CancellationToken.None))!;
        Assert.Contains(item.History, entry => entry.Kind == "acknowledged");
        Assert.Contains(item.History, entry => entry.Kind == "answer" && entry.Detail.Contains("reads as urgent", StringComparison.Ordinal));
        Assert.DoesNotContain(item.History, entry => entry.Detail.Contains("ending my life", StringComparison.Ordinal));

        // Overdue 24 hours after the answer, not at once because the item is old; told with what happened.
        Assert.DoesNotContain(await queue.OverdueUntoldAsync(now - UrgentResponse.Within, 100, CancellationToken.None), overdue => overdue.Reference == read);
        var later = Assert.Single(await queue.OverdueUntoldAsync(now.AddHours(24), 100, CancellationToken.None), overdue => overdue.Reference == read);
        Assert.Equal(now.AddHours(-1).ToUnixTimeMilliseconds(), later.UrgentSince.ToUnixTimeMilliseconds());

        // Acknowledging the answer stops the new clock.
        using var made = await browser.SubmitAsync(page, [new("FirstAction", "Contacted the person")], "form[action*=Acknowledge]");
        await made.ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.Contains("1 hour after their urgent answer", (await browser.GetPageAsync($"/inbox/{read}")).QuerySelector("[data-testid=acknowledged]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_mark_urgent_what_the_analysis_missed_and_what_they_judge_is_downloaded_to_teach_the_next_model()
    {
        var now = backOffice.Clock.GetUtcNow();
        var missed = (await backOffice.ImportAsync(new Sample("The carer shouts at my dad when she washes him and he is frightened of her") { At = now.AddHours(-40) })).Single();
        var (falseAlarm, _) = await TwoUrgentAsync(now.AddHours(-39), now.AddHours(-38));
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        var page = await browser.GetPageAsync($"/inbox/{missed}");
        Assert.Null(page.QuerySelector("form[action*=Acknowledge]"));
        using var noReason = await browser.SubmitAsync(page, [], "form[action*=MarkUrgent]");
        await noReason.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select what the risk is", (await noReason.ReadPageAsync()).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        using var notAReason = await browser.SubmitAsync(page, [new("UrgencyReason", "rudeness")], "form[action*=MarkUrgent]");
        await notAReason.ShouldBeAsync(HttpStatusCode.BadRequest);

        using var marked = await browser.SubmitAsync(page, [new("UrgencyReason", "abuse")], "form[action*=MarkUrgent]");
        await marked.ShouldBeAsync(HttpStatusCode.Redirect);
        var openedBefore = page;

        // In the queue with a new 24 hours from the marking, not overdue because it arrived 40 hours ago.
        page = await browser.GetPageAsync($"/inbox/{missed}");
        Assert.Contains($"marked by {Quality}, abuse", page.QuerySelector("[data-testid=marked-urgent]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=MarkUrgent]"));
        Assert.NotNull(page.QuerySelector("form[action*=Acknowledge]"));

        // Marked again from a page opened before: refused, and the error does not point at the form that is gone.
        using var markedAgain = await browser.SubmitAsync(openedBefore, [new("UrgencyReason", "neglect")], "form[action*=MarkUrgent]");
        await markedAgain.ShouldBeAsync(HttpStatusCode.BadRequest);
        var refused = await markedAgain.ReadPageAsync();
        Assert.Contains("It is already urgent", refused.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        refused.AssertErrorLinksLeadToFields();

        // One closed since the page was opened is refused too, pointing at the status to change first.
        var calm = (await backOffice.ImportAsync(new Sample("The parking was hard to find") { At = now.AddHours(-2) })).Single();
        var calmPage = await browser.GetPageAsync($"/inbox/{calm}");
        await backOffice.Services.GetRequiredService<ITriageStore>().ChangeStatusAsync([calm], TriageStatus.Closed, TriageWorkflow.ClosureReasons[0], Quality, now, CancellationToken.None);
        using var closed = await browser.SubmitAsync(calmPage, [new("UrgencyReason", "neglect")], "form[action*=MarkUrgent]");
        await closed.ShouldBeAsync(HttpStatusCode.BadRequest);
        var closedPage = await closed.ReadPageAsync();
        Assert.Contains("It is closed: move it back to in progress", closedPage.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        closedPage.AssertErrorLinksLeadToFields();
        var inbox = await browser.GetPageAsync("/inbox");
        Assert.Contains($"Marked urgent by {Quality}: abuse", RowOf(inbox, missed), StringComparison.Ordinal);
        Assert.Contains("Due in 24 hours", RowOf(inbox, missed), StringComparison.Ordinal);
        var queue = backOffice.Services.GetRequiredService<IUrgentQueue>();
        Assert.DoesNotContain(await queue.OverdueUntoldAsync(now - UrgentResponse.Within, 100, CancellationToken.None), overdue => overdue.Reference == missed);

        // Nobody reads it in 24 hours: the quality team is told who marked it, and why.
        backOffice.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            await backOffice.CreateAccountAsync("quality.two@example.nhs.uk", StaffRoles.QualityTeam);
            await backOffice.Services.GetRequiredService<OverdueUrgentAnnouncer>().RunOnceAsync(CancellationToken.None);
            var told = (await EmailsAboutAsync(missed)).First();
            Assert.Contains($"{Quality} marked feedback {missed}", told.Body, StringComparison.Ordinal);
            Assert.Contains("urgent (abuse)", told.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("shouts", told.Body, StringComparison.Ordinal);
        }
        finally
        {
            backOffice.Clock.Advance(TimeSpan.FromHours(-25));
        }

        // The one the analysis flagged wrongly is read and found to hold no risk: both verdicts are in the download.
        Assert.True(await queue.AcknowledgeAsync(falseAlarm, new UrgentAcknowledgement(Quality, now, UrgentResponse.NoRiskFound), CancellationToken.None));
        var rows = Csv.Read(await browser.GetStringAsync(new Uri("/exports/urgency-training.csv", UriKind.Relative)));
        var miss = Assert.Single(rows, row => row["id"] == missed);
        Assert.Equal(("1", "abuse", UrgencyVerdicts.Marked, "train"), (miss["urgent"], miss["reason"], miss["kind"], miss["split"]));
        Assert.Contains("frightened of her", miss["text"], StringComparison.Ordinal);
        Assert.Contains(rows, row => row["id"].StartsWith(falseAlarm, StringComparison.Ordinal) && row["urgent"] == "0" && row["kind"] == UrgencyVerdicts.Cleared);
    }

    private async Task<(string Older, string Newer)> TwoUrgentAsync(DateTimeOffset olderAt, DateTimeOffset newerAt)
    {
        var references = await backOffice.ImportAsync(
            new Sample("I want to end it all tonight") { Urgent = true, At = olderAt },
            new Sample("I want to end it, I have the tablets") { Urgent = true, At = newerAt });
        return (references[0], references[1]);
    }

    private static IEnumerable<string> UrgentReferences(AngleSharp.Html.Dom.IHtmlDocument inbox) =>
        inbox.QuerySelectorAll(".nhsuk-warning-callout table a.qv-reference").Select(link => link.TextContent.Trim());

    private static string RowOf(AngleSharp.Html.Dom.IHtmlDocument inbox, string reference) =>
        inbox.QuerySelectorAll(".nhsuk-warning-callout table tbody tr").Single(row => row.TextContent.Contains(reference, StringComparison.Ordinal)).TextContent;

    private async Task<List<(string To, string Subject, string Body)>> EmailsAboutAsync(string reference)
    {
        var found = new List<(string, string, string)>();
        if (!Directory.Exists(backOffice.PickupDirectory))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(backOffice.PickupDirectory, "*.eml"))
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.Subject?.Contains(reference, StringComparison.Ordinal) == true)
            {
                found.Add((message.To.Mailboxes.Single().Address, message.Subject, message.TextBody ?? string.Empty));
            }
        }

        return found;
    }
}
