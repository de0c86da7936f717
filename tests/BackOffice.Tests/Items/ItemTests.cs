using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Retention;
using QualityVoice.Feedback.Storage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Items;

public sealed class ItemTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private const string Quality = "qualityteam@example.nhs.uk";

    [Fact]
    public async Task Staff_see_the_text_with_personal_details_hidden_until_they_give_a_reason()
    {
        var reference = await SubmitAsync("Dr Patel was rude to me, call me on 07700 900123");
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync($"/inbox/{reference}");
        Assert.DoesNotContain("07700 900123", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var noReason = await browser.SubmitAsync(page, [new("Reason", "")], "form[action*=ShowOriginal]");
        await noReason.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("07700 900123", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var shown = await browser.SubmitAsync(page, [new("Reason", "Passing the complaint to the practice manager")], "form[action*=ShowOriginal]");
        await shown.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("07700 900123", (await shown.ReadPageAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var audit = await AuditAsync(reference);
        Assert.Contains(audit, entry => entry.Action == AuditActions.Viewed && entry.Actor == Quality);
        var original = Assert.Single(audit, entry => entry.Action == AuditActions.ViewedOriginal);
        Assert.Equal("Reason: Passing the complaint to the practice manager", original.Detail);
    }

    [Fact]
    public async Task Once_retention_removes_the_original_words_the_page_says_so_and_there_is_nothing_more_to_show()
    {
        var reference = await SubmitAsync("Dr Patel was rude to me, call me on 07700 900123");
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var before = await browser.GetPageAsync($"/inbox/{reference}");
        var item = (await backOffice.Services.GetRequiredService<IFeedbackStore>().FindAsync(reference, CancellationToken.None))!;
        var held = new HeldWords(reference, item.WhatWasGood, item.WhatCouldImprove, item.Analysis!.RedactedWhatWasGood, item.Analysis.RedactedWhatCouldImprove);
        var removedAt = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await backOffice.Services.GetRequiredService<IRetentionStore>().RemoveOriginalWordsAsync([RetentionPolicy.Keep(held)], removedAt, CancellationToken.None));

        var page = await browser.GetPageAsync($"/inbox/{reference}");
        Assert.Contains("removed on 1 December 2026, as the retention policy says", page.QuerySelector("[data-testid=originals-removed]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=ShowOriginal]"));
        Assert.DoesNotContain("07700 900123", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var refused = await browser.SubmitAsync(before, [new("Reason", "Passing the complaint to the practice manager")], "form[action*=ShowOriginal]");
        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("no personal details left to show", body, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", body, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditAsync(reference), entry => entry.Action == AuditActions.ViewedOriginal);
    }

    [Fact]
    public async Task An_urgent_item_says_why_with_the_evidence_redacted_like_everything_else()
    {
        var reference = await SubmitAsync("I have been saving up my tablets and I know how many it would take, my number is 07700 900123");
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync($"/inbox/{reference}");
        var evidence = page.QuerySelector("[data-testid=urgency-evidence]")!.TextContent;

        Assert.Contains("Urgent: suicide or self-harm", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("suicide or self-harm: the words \u201csaving up my tablets\u201d", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_theme_shows_the_feeling_about_it()
    {
        var reference = await SubmitAsync("The staff were kind and caring but I waited six hours to be seen");
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync($"/inbox/{reference}");
        var feelings = page.QuerySelectorAll("[data-testid=theme-sentiment]")
            .ToDictionary(cell => cell.ParentElement!.Children[0].CellText(), cell => cell.CellText());

        Assert.Equal("positive", feelings["Staff manner & personal attributes"]);
        Assert.Equal("negative", feelings["Timeliness of care"]);
    }

    [Fact]
    public async Task An_item_moves_through_the_workflow_and_closing_needs_a_reason()
    {
        var reference = (await backOffice.ImportAsync(new Sample("Nobody answered the phone"))).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        foreach (var status in new[] { "triaged", "in-progress", "responded" })
        {
            await (await PostAsync(browser, reference, "Status", [new("Status", status)])).ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using var noReason = await PostAsync(browser, reference, "Status", [new("Status", "closed")]);
        await noReason.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Select why it is being closed"], (await noReason.ReadPageAsync()).ErrorSummary());

        using var closed = await PostAsync(browser, reference, "Status", [new("Status", "closed"), new("ClosureReason", "Acted on: change made")]);
        await closed.ShouldBeAsync(HttpStatusCode.Redirect);

        var item = await browser.GetPageAsync($"/inbox/{reference}");
        Assert.Contains("Closed", item.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var history = item.QuerySelectorAll("main table").Last().TextContent;
        Assert.Contains(Quality, history, StringComparison.Ordinal);
        Assert.Contains("Acted on: change made", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_the_workflow_does_not_allow_is_refused_with_why()
    {
        var reference = (await backOffice.ImportAsync(new Sample("The leaflet was wrong") { Status = TriageStatus.Closed })).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await PostAsync(browser, reference, "Status", [new("Status", "triaged")]);
        using var nonsense = await PostAsync(browser, reference, "Status", [new("Status", "lost")]);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["An item that is closed cannot move to triaged"], (await response.ReadPageAsync()).ErrorSummary());
        Assert.Equal(["Select a status"], (await nonsense.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Escalation_records_the_level_who_set_it_and_why()
    {
        var reference = (await backOffice.ImportAsync(new Sample("My father was left in a soiled bed") { Urgent = true })).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var noReason = await PostAsync(browser, reference, "Escalate", [new("Level", "intensive")]);
        Assert.Equal(["Enter why this level is right"], (await noReason.ReadPageAsync()).ErrorSummary());
        using var done = await PostAsync(browser, reference, "Escalate", [new("Level", "enhanced"), new("EscalationReason", "Third report this month from the ward")]);
        await done.ShouldBeAsync(HttpStatusCode.Redirect);

        var item = await browser.GetPageAsync($"/inbox/{reference}");
        Assert.Contains($"Enhanced, set by {Quality}: Third report this month from the ward", item.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrected_themes_and_sentiment_override_the_model_and_become_training_data()
    {
        var reference = await SubmitAsync("The car park was full and I missed my appointment");
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var unknown = await PostAsync(browser, reference, "Themes", [new("Themes", "Queues")]);
        Assert.Equal(["'Queues' is not a theme in the framework"], (await unknown.ReadPageAsync()).ErrorSummary());
        await (await PostAsync(browser, reference, "Themes", [new("Themes", "Parking"), new("Themes", "Appointment arrangements")])).ShouldBeAsync(HttpStatusCode.Redirect);
        await (await PostAsync(browser, reference, "Sentiment", [new("Sentiment", "negative")])).ShouldBeAsync(HttpStatusCode.Redirect);

        // Analysing again (a new model, say) does not undo a person's correction.
        await backOffice.Services.GetRequiredService<IFeedbackStore>().RequeueForAnalysisAsync("another-model", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await backOffice.AnalyseEverythingAsync();

        var item = await browser.GetPageAsync($"/inbox/{reference}");
        var themes = item.QuerySelectorAll("main table").First(table => table.QuerySelector("caption")!.TextContent.StartsWith("Themes", StringComparison.Ordinal));
        Assert.Contains($"corrected by {Quality}", themes.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Appointment arrangements", "Parking"], themes.QuerySelectorAll("tbody tr td:first-child").Select(cell => cell.CellText()).Order(StringComparer.Ordinal));
        var parkingInbox = await browser.GetPageAsync("/inbox?theme=Parking");
        Assert.NotNull(parkingInbox.QuerySelector($"input[name=selected][value={reference}]"));

        var training = Csv.Read(await browser.GetStringAsync(new Uri("/exports/training.csv", UriKind.Relative)));
        var row = training.Single(row => row["FFT answer"].Contains("The car park was full", StringComparison.Ordinal));
        Assert.Equal("1", row["Parking"]);
        Assert.Equal("1", row["Appointment arrangements"]);
        Assert.Equal("0", row["Staff manner & personal attributes"]);
    }

    [Fact]
    public async Task A_reply_with_personal_details_is_held_back_and_a_clean_one_appears_on_track()
    {
        var intake = backOffice.Services.GetRequiredService<FeedbackIntake>();
        var accepted = Assert.IsType<IntakeResult.Accepted>(await intake.SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "rtd-ae", "Accident and emergency", FftRating.Poor, null, "Waited six hours", null, CollectionMode.Online), null, CancellationToken.None));
        var browser = await backOffice.SignInAsync(StaffRoles.EngagementTeam);

        using var leaky = await PostAsync(browser, accepted.Reference, "Reply", [new("Reply", "Sister Jones will call you on 07700 900456")]);
        await leaky.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Remove the personal details from the reply", Assert.Single((await leaky.ReadPageAsync()).ErrorSummary()), StringComparison.Ordinal);

        const string Reply = "Thank you. We have added a second triage nurse in the evenings.";
        await (await PostAsync(browser, accepted.Reference, "Reply", [new("Reply", Reply)])).ShouldBeAsync(HttpStatusCode.Redirect);

        var tracked = await backOffice.Services.GetRequiredService<IFeedbackStore>().FindForTrackingAsync(accepted.Reference, CancellationToken.None);
        Assert.Equal(Reply, tracked!.Value.Item.Reply);
        Assert.Equal(TriageStatus.Responded, tracked.Value.Item.Status);
    }

    [Fact]
    public async Task A_note_is_kept_in_the_history_and_an_empty_one_is_refused()
    {
        var reference = (await backOffice.ImportAsync(new Sample("The food was cold"))).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var empty = await PostAsync(browser, reference, "Note", [new("Note", "  ")]);
        using var added = await PostAsync(browser, reference, "Note", [new("Note", "Spoke to catering manager")]);

        Assert.Equal(["Enter a note"], (await empty.ReadPageAsync()).ErrorSummary());
        await added.ShouldBeAsync(HttpStatusCode.Redirect);
        var item = await browser.GetPageAsync($"/inbox/{reference}");
        Assert.Contains("Spoke to catering manager", item.QuerySelectorAll("main table").Last().TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_assign_and_bulk_status_change_what_was_selected_and_nothing_else()
    {
        var references = await backOffice.ImportAsync(new Sample("Bulk one") { ServiceId = "rtf-wards" }, new Sample("Bulk two") { ServiceId = "rtf-wards" }, new Sample("Bulk three") { ServiceId = "rtf-wards" });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var inbox = await browser.GetPageAsync("/inbox?service=rtf-wards");

        using var assigned = await browser.SubmitAsync(inbox, [new("selected", references[0]), new("selected", references[1]), new("action", "assign"), new("assignee", "me")], "main form[method=post]");
        await assigned.ShouldBeAsync(HttpStatusCode.Redirect);
        using var moved = await browser.SubmitAsync(inbox, [new("selected", references[1]), new("action", "status"), new("bulkStatus", "triaged")], "main form[method=post]");
        await moved.ShouldBeAsync(HttpStatusCode.Redirect);
        using var none = await browser.SubmitAsync(inbox, [new("action", "assign"), new("assignee", "me")], "main form[method=post]");
        await none.ShouldBeAsync(HttpStatusCode.BadRequest);

        var mine = await browser.GetPageAsync("/inbox?service=rtf-wards&assignedTo=me");
        var triaged = await browser.GetPageAsync("/inbox?service=rtf-wards&status=triaged");
        Assert.Equal(references.Take(2).Order(StringComparer.Ordinal), Listed(mine));
        Assert.Equal([references[1]], Listed(triaged));
    }

    [Fact]
    public async Task An_item_can_only_be_given_to_someone_who_triages()
    {
        var reference = (await backOffice.ImportAsync(new Sample("Anything at all"))).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var stranger = await PostAsync(browser, reference, "Assign", [new("Assignee", "someone@elsewhere.example")]);
        using var me = await PostAsync(browser, reference, "Assign", [new("Assignee", "me")]);

        await stranger.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choose who should own it from the list"], (await stranger.ReadPageAsync()).ErrorSummary());
        await me.ShouldBeAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_handler_the_page_does_not_have_is_refused_rather_than_half_rendered()
    {
        var reference = (await backOffice.ImportAsync(new Sample("Anything"))).Single();
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var page = await browser.GetPageAsync($"/inbox/{reference}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var post = await browser.PostAsync(new Uri($"/inbox/{reference}?handler=Nope", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var get = await browser.GetAsync(new Uri($"/inbox/{reference}?handler=Nope", UriKind.Relative));

        await post.ShouldBeAsync(HttpStatusCode.BadRequest);
        await get.ShouldBeAsync(HttpStatusCode.OK); // a read falls back to the page's own OnGet
    }

    [Fact]
    public async Task An_item_that_does_not_exist_is_a_404_for_posts_too()
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);
        var reference = (await backOffice.ImportAsync(new Sample("Anything"))).Single();
        var page = await browser.GetPageAsync($"/inbox/{reference}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await browser.PostAsync(
            new Uri("/inbox/QV-2222-2222?handler=Note", UriKind.Relative),
            new FormUrlEncodedContent([new("Note", "hello"), new("__RequestVerificationToken", token)]));

        await response.ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private static string[] Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("input[name=selected]").Select(input => input.GetAttribute("value")!).Order(StringComparer.Ordinal).ToArray();

    private async Task<string> SubmitAsync(string text)
    {
        var intake = backOffice.Services.GetRequiredService<FeedbackIntake>();
        var result = await intake.SubmitAsync(
            new NewFeedback(FeedbackKind.Patient, "rtd-ae", "Accident and emergency", FftRating.Poor, null, text, null, CollectionMode.Online), null, CancellationToken.None);
        await backOffice.AnalyseEverythingAsync();
        return Assert.IsType<IntakeResult.Accepted>(result).Reference;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string reference, string handler, KeyValuePair<string, string>[] values)
    {
        var page = await browser.GetPageAsync($"/inbox/{reference}");
        return await browser.SubmitAsync(page, values, $"form[action*='handler={handler}']");
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string subject)
    {
        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: subject), 100);
        return entries.Select(entry => entry.Entry).ToArray();
    }
}
