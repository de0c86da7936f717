using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>
/// "You said, we did" in the back office: written by the engagement team, approved by a second person, published
/// now or at a set time, unpublished with a reason, with its history, and the feedback it answers.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PublishingTests(PublishingFactory backOffice) : IClassFixture<PublishingFactory>
{
    private const string Engagement = "engagement@example.nhs.uk";
    private const string Quality = "quality@example.nhs.uk";

    [Fact]
    public async Task An_update_is_published_only_when_a_second_person_approves_it()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var slug = await WriteAsync(author, "Evening clinics for children's mental health");
        Assert.Equal("evening-clinics-for-childrens-mental-health", slug);
        await (await PostAsync(author, slug, "Submit")).ShouldBeAsync(HttpStatusCode.Redirect);

        // The author is offered no approval, and an approval they post anyway is refused.
        var page = await author.GetPageAsync($"/updates/{slug}");
        Assert.Null(page.QuerySelector("form[action*=Approve]"));
        Assert.Contains("a colleague in the quality or engagement team must approve it", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var selfApproved = await PostAsync(author, slug, "Approve", ("When", "now")))
        {
            await selfApproved.ShouldBeAsync(HttpStatusCode.Forbidden);
        }

        Assert.Empty(await LiveAsync());

        var reviewer = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);
        using (var noChoice = await PostAsync(reviewer, slug, "Approve"))
        {
            await noChoice.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Select when to publish it"], (await noChoice.ReadPageAsync()).ErrorSummary());
        }

        await (await PostAsync(reviewer, slug, "Approve", ("When", "now"))).ShouldBeAsync(HttpStatusCode.Redirect);

        var live = Assert.Single(await LiveAsync(), update => update.Slug == slug);
        Assert.Equal("Evening clinics for children's mental health", live.Content.Title);
        var approved = await reviewer.GetPageAsync($"/updates/{slug}");
        Assert.Contains("Published", approved.QuerySelector("main .nhsuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"https://feedback.example.nhs.uk/you-said-we-did/{slug}", approved.QuerySelector("main a[href*='you-said-we-did']")!.GetAttribute("href"));

        var audit = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: $"update:{slug}"), 50);
        Assert.Contains(audit.Entries, entry => entry.Entry is { Actor: Engagement, Action: AuditActions.Publishing, Detail: "Started a draft" });
        Assert.Contains(audit.Entries, entry => entry.Entry is { Actor: Quality, Detail: "Approved and published" });
    }

    [Fact]
    public async Task The_form_names_each_problem_and_keeps_what_was_typed()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var form = await author.GetPageAsync("/updates/new");

        using var response = await author.SubmitAsync(form, [
            new("Form.Title", ""),
            new("Form.Theme", "no-such-theme"),
            new("Form.Progress", "finished"),
            new("Form.YouSaid", "Call Mrs Jones on 07700 900123 about it"),
            new("Form.Body", "See [our plan](javascript:alert(1))"),
            new("Form.StepText[0]", "Clinic opens"),
            new("Form.StepProgress[0]", "done"),
            new("Form.StepDate[0]", "2026-02-30"),
            new("Form.StepText[1]", "A bell\u0007 in the text"),
            new("Form.StepProgress[1]", "planned"),
        ]);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var page = await response.ReadPageAsync();
        var errors = page.ErrorSummary();
        Assert.Contains("Enter a title", errors);
        Assert.Contains("Select the strategic theme it serves", errors);
        Assert.Contains("Select how far it has got", errors);
        Assert.Contains(errors, error => error.StartsWith("The link \"javascript:alert(1)\" cannot be published", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Remove the personal details", StringComparison.Ordinal));
        Assert.Contains("Step 1's date must be a real date, for example 2026-03-31", errors);
        Assert.Contains("Step 2 contains a hidden control character. Remove it and try again.", errors);
        Assert.Equal("See [our plan](javascript:alert(1))", page.QuerySelector<IHtmlTextAreaElement>("#Form_Body")!.Value);
    }

    [Fact]
    public async Task The_preview_is_what_the_portal_will_publish()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var form = await author.GetPageAsync("/updates/new");

        using var shown = await author.PostAsync(
            new Uri("/updates/new?handler=Preview", UriKind.Relative),
            new FormUrlEncodedContent(FormFields(form, ("Form.Body", "We added **evening clinics**. <script>alert(1)</script>"))));
        await shown.ShouldBeAsync(HttpStatusCode.OK);
        var html = (await shown.ReadPageAsync()).QuerySelector("#preview")!.InnerHtml;
        Assert.Contains("<strong>evening clinics</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        using var fragment = await author.PostAsync(new Uri("/updates/new?handler=PreviewFragment", UriKind.Relative), new FormUrlEncodedContent(FormFields(form, ("Form.Body", "## Heading"))));
        Assert.Equal("<h2 class=\"nhsuk-heading-m\">Heading</h2>\n", await fragment.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("See <javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("![plan](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("[our plan](/\\evil.example)", "/\\evil.example")]
    public async Task The_preview_and_the_save_hold_every_link_and_image_to_one_policy(string body, string link)
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var form = await author.GetPageAsync("/updates/new");

        using var preview = await author.PostAsync(new Uri("/updates/new?handler=PreviewFragment", UriKind.Relative), new FormUrlEncodedContent(FormFields(form, ("Form.Body", body))));
        var html = await preview.Content.ReadAsStringAsync();
        using var saved = await author.SubmitAsync(form, [new("Form.Title", "Links"), new("Form.YouSaid", "You asked"), new("Form.Body", body)]);

        Assert.DoesNotContain($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"src=\"{link}\"", html, StringComparison.Ordinal);
        await saved.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains((await saved.ReadPageAsync()).ErrorSummary(), error => error.Contains(link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_approved_for_a_set_time_goes_live_when_the_worker_finds_it_due()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var slug = await WriteAsync(author, "Quieter wards at night");
        await PostAsync(author, slug, "Submit");
        var reviewer = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(backOffice.Clock.GetUtcNow(), london).DateTime).AddDays(1);
        using (var past = await PostAsync(reviewer, slug, "Approve", ("When", "later"), ("PublishDate", "2001-01-01"), ("PublishTime", "09:00")))
        {
            await past.ShouldBeAsync(HttpStatusCode.BadRequest);
        }

        await (await PostAsync(reviewer, slug, "Approve", ("When", "later"), ("PublishDate", tomorrow.ToString("yyyy-MM-dd")), ("PublishTime", "09:00"))).ShouldBeAsync(HttpStatusCode.Redirect);

        var update = await Store.GetAsync(slug, CancellationToken.None);
        Assert.Equal(PublishingState.Scheduled, update!.State);
        var nine = tomorrow.ToDateTime(new TimeOnly(9, 0));
        Assert.Equal(new DateTimeOffset(nine, london.GetUtcOffset(nine)), update.PublishAt);

        var worker = backOffice.Services.GetRequiredService<UpdatePublishingWorker>();
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(await LiveAsync(), live => live.Slug == slug);

        backOffice.Clock.Advance(TimeSpan.FromDays(2));
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Contains(await LiveAsync(), live => live.Slug == slug);
    }

    [Fact]
    public async Task Editing_saves_a_new_version_and_the_history_shows_what_changed()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        var slug = await WriteAsync(author, "Hot meals on the ward");
        var edit = await author.GetPageAsync($"/updates/{slug}/edit");
        using (var saved = await author.SubmitAsync(edit, [new("Form.Title", "Hot meals on every ward")]))
        {
            await saved.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        // A second save from the same, now stale, page would overwrite the newer version: refused.
        using (var stale = await author.SubmitAsync(edit, [new("Form.Title", "Something else")]))
        {
            await stale.ShouldBeAsync(HttpStatusCode.Conflict);
        }

        var history = await author.GetPageAsync($"/updates/{slug}/history");
        Assert.Equal("+ Title: Hot meals on every ward", history.QuerySelector("ins.qv-diff__line")!.TextContent.Replace("Added: ", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal("− Title: Hot meals on the ward", history.QuerySelector("del.qv-diff__line")!.TextContent.Replace("Removed: ", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Contains("Saved version 2", history.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublishing_needs_a_reason_and_takes_it_off_the_portal()
    {
        var slug = await PublishedAsync("Clearer discharge letters");
        var reviewer = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);

        using (var noReason = await PostAsync(reviewer, slug, "Unpublish", ("UnpublishReason", " ")))
        {
            await noReason.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Enter why it is being taken down"], (await noReason.ReadPageAsync()).ErrorSummary());
        }

        await (await PostAsync(reviewer, slug, "Unpublish", ("UnpublishReason", "The date in it was wrong"))).ShouldBeAsync(HttpStatusCode.Redirect);
        Assert.DoesNotContain(await LiveAsync(), live => live.Slug == slug);
        Assert.Contains("The date in it was wrong", (await reviewer.GetPageAsync($"/updates/{slug}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_added_from_the_inbox_is_counted_and_the_people_who_left_an_address_are_told()
    {
        var references = await backOffice.ImportAsync(
            new Sample("The wait for the clinic was months") { ContactEmail = "pat@example.com", Themes = ["Timeliness of care"] },
            new Sample("Waited far too long, nobody explained") { Themes = ["Timeliness of care", "Communication"] });
        var slug = await WriteAsync(await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement), "A shorter wait for the clinic");

        // Administrators triage but do not publish.
        var administrator = await backOffice.SignInAsync(StaffRoles.Administrator, "admin@example.nhs.uk");
        using (var refused = await LinkFromInboxAsync(administrator, slug, references))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality);
        using (var linked = await LinkFromInboxAsync(quality, slug, references))
        {
            await linked.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal(references.Order(), (await Store.GetAsync(slug, CancellationToken.None))!.LinkedFeedback.Order());
        Assert.Contains("A shorter wait for the clinic", (await quality.GetPageAsync($"/inbox/{references[0]}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        await PostAsync(author, slug, "Submit");
        await PostAsync(quality, slug, "Approve", ("When", "now"));

        var live = Assert.Single(await LiveAsync(), update => update.Slug == slug);
        Assert.Equal(2, live.People);
        Assert.Equal([("Timeliness of care", 2), ("Communication", 1)], live.ToldUs);

        var (_, sent) = await backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, sent);
        var file = Assert.Single(Directory.GetFiles(backOffice.PickupDirectory, "*.eml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backOffice.PickupDirectory));
        using var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("pat@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("What we did about your feedback: A shorter wait for the clinic", message.Subject);
        var email = message.TextBody;
        Assert.Contains($"https://feedback.example.nhs.uk/you-said-we-did/{slug}", email, StringComparison.Ordinal);
        Assert.Contains(references[0], email, StringComparison.Ordinal);
        Assert.DoesNotContain("months", email, StringComparison.Ordinal);

        Assert.Equal(
            "E-mails to the people who left an address: 1 sent.",
            (await quality.GetPageAsync($"/updates/{slug}")).QuerySelector("[data-testid=emails]")!.TextContent.Trim());

        // Told once: another round sends nothing.
        Assert.Equal(0, (await backOffice.Services.GetRequiredService<UpdatePublishingWorker>().RunOnceAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public async Task Unknown_updates_and_malformed_posts_get_a_clear_4xx_never_a_500()
    {
        var author = await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement);
        foreach (var path in new[] { "/updates/no-such-update", "/updates/no-such-update/edit", "/updates/no-such-update/history", "/updates/%E2%80%AE%F0%9F%92%A9" })
        {
            using var response = await author.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var slug = await WriteAsync(author, "Malformed posts");
        var page = await author.GetPageAsync($"/updates/{slug}");
        foreach (var (handler, fields) in new (string, (string, string)[])[]
        {
            ("Submit", [("Version", "not-a-number")]),
            ("Approve", [("Version", "1"), ("When", "later"), ("PublishDate", "99999-99-99"), ("PublishTime", "25:61")]),
            ("Unlink", [("Reference", "<script>")]),
            ("Unpublish", [("UnpublishReason", "Not published yet")]),
        })
        {
            using var response = await author.PostAsync(new Uri($"/updates/{slug}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(FormFields(page, fields)));
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        var edit = await author.GetPageAsync($"/updates/{slug}/edit");
        using var stepless = await author.SubmitAsync(edit, [new("Form.StepText[7]", "A step with no progress"), new("Version", "x")]);
        Assert.InRange((int)stepless.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.FtsuGuardian)]
    public async Task Only_the_engagement_and_quality_teams_open_publishing(string role)
    {
        var browser = await backOffice.SignInAsync(role, $"{role.ToLowerInvariant()}-publishing@example.nhs.uk");
        foreach (var path in new[] { "/updates", "/updates/new" })
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private IUpdateStore Store => backOffice.Services.GetRequiredService<IUpdateStore>();

    private Task<IReadOnlyList<PublishedUpdate>> LiveAsync() =>
        backOffice.Services.GetRequiredService<IPublishedUpdates>().LiveAsync(CancellationToken.None);

    private static async Task<string> WriteAsync(HttpClient author, string title)
    {
        var form = await author.GetPageAsync("/updates/new");
        using var response = await author.SubmitAsync(form, [
            new("Form.Title", title),
            new("Form.Theme", "positive-experiences"),
            new("Form.Progress", "in-progress"),
            new("Form.YouSaid", "You told us the wait was too long and nobody explained why."),
            new("Form.Body", "We added **evening clinics** and now write to everyone on the list each month."),
            new("Form.StepText[0]", "Evening clinics open"),
            new("Form.StepProgress[0]", "done"),
            new("Form.StepDate[0]", "2026-10-01"),
        ]);
        await response.ShouldBeAsync(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString["/updates/".Length..];
    }

    private async Task<string> PublishedAsync(string title)
    {
        var slug = await WriteAsync(await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement), title);
        await PostAsync(await backOffice.SignInAsync(StaffRoles.EngagementTeam, Engagement), slug, "Submit");
        await (await PostAsync(await backOffice.SignInAsync(StaffRoles.QualityTeam, Quality), slug, "Approve", ("When", "now"))).ShouldBeAsync(HttpStatusCode.Redirect);
        return slug;
    }

    /// <summary>Posts one of the update page's forms, with the page's version and antiforgery token.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient browser, string slug, string handler, params (string Name, string Value)[] values)
    {
        var page = await browser.GetPageAsync($"/updates/{slug}");
        var version = (await Store.GetAsync(slug, CancellationToken.None))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = FormFields(page, new[] { ("Version", version) }.Concat(values).ToArray());
        return await browser.PostAsync(new Uri($"/updates/{slug}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> LinkFromInboxAsync(HttpClient browser, string slug, IReadOnlyList<string> references)
    {
        var inbox = await browser.GetPageAsync("/inbox");
        return await browser.PostAsync(
            new Uri("/inbox?handler=Bulk", UriKind.Relative),
            new FormUrlEncodedContent(FormFields(inbox, new[] { ("action", "link"), ("update", slug) }.Concat(references.Select(reference => ("selected", reference))).ToArray())));
    }

    private static KeyValuePair<string, string>[] FormFields(IHtmlDocument page, params (string Name, string Value)[] values) =>
        [new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), .. values.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value))];
}
