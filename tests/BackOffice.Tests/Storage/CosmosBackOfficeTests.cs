using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Retention;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Storage;

/// <summary>
/// With Azure Cosmos DB as the feedback store, the back office is the whole product: the inbox with its urgent queue,
/// an item's page and its changes, the dashboard, downloads, publishing and the to-do list, on the protocol peer.
/// </summary>
public sealed class CosmosBackOfficeTests : IAsyncLifetime
{
    private CosmosDbServer _account = null!;
    private CosmosBackOffice _backOffice = null!;

    public async Task InitializeAsync()
    {
        _account = await CosmosDbServer.StartAsync();
        _backOffice = new CosmosBackOffice(_account);
    }

    public async Task DisposeAsync()
    {
        await _backOffice.DisposeAsync();
        await _account.DisposeAsync();
    }

    [Fact]
    public async Task Triage_the_dashboard_downloads_and_publishing_work_on_Cosmos()
    {
        var now = TimeProvider.System.GetUtcNow();
        var (urgent, calm) = (await _backOffice.ImportAsync(
            new Sample("I want to end it all tonight") { Urgent = true, At = now.AddHours(-2) },
            new Sample("The parking was hard to find") { At = now.AddHours(-1), Themes = ["Parking"] })) switch { var references => (references[0], references[1]) };
        var browser = await _backOffice.SignInAsync(StaffRoles.QualityTeam, "quality@example.nhs.uk");

        using var ready = await browser.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await ready.ShouldBeAsync(HttpStatusCode.OK);

        var home = await browser.GetPageAsync("/");
        Assert.Contains("1 urgent item", home.QuerySelector("[data-testid=to-do-urgent]")!.TextContent, StringComparison.Ordinal);

        var inbox = await browser.GetPageAsync("/inbox");
        Assert.Contains(urgent, inbox.QuerySelector(".nhsuk-warning-callout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(calm, inbox.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var parking = await browser.GetPageAsync("/inbox?theme=Parking");
        Assert.DoesNotContain(urgent, parking.QuerySelector("main table:not(.nhsuk-warning-callout table)")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        // Reading the urgent item and recording the first action stops its clock, on this store too.
        var item = await browser.GetPageAsync($"/inbox/{urgent}");
        using (var acknowledged = await browser.SubmitAsync(item, [new("FirstAction", "Passed to safeguarding")], "form[action*=Acknowledge]"))
        {
            await acknowledged.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        Assert.Contains("First action: Passed to safeguarding", (await browser.GetPageAsync($"/inbox/{urgent}")).QuerySelector("[data-testid=acknowledged]")!.TextContent, StringComparison.Ordinal);

        var dashboard = await browser.GetPageAsync("/dashboard");
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());
        using (var csv = await browser.GetAsync(new Uri("/exports/feedback.csv", UriKind.Relative)))
        {
            await csv.ShouldBeAsync(HttpStatusCode.OK);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains(urgent, text, StringComparison.Ordinal);
            Assert.Contains(calm, text, StringComparison.Ordinal);
        }

        var author = await _backOffice.SignInAsync(StaffRoles.EngagementTeam, "engagement@example.nhs.uk");
        using var updates = await author.GetAsync(new Uri("/updates", UriKind.Relative));
        await updates.ShouldBeAsync(HttpStatusCode.OK);

        // The audit log is in the store every instance shares, and reads as on SQLite.
        var administrator = await _backOffice.SignInAsync(StaffRoles.Administrator, "admin@example.nhs.uk");
        var trail = (await administrator.GetPageAsync("/admin/audit?actor=quality%40example.nhs.uk")).QuerySelectorAll("main table tbody tr").Select(row => row.TextContent).ToArray();
        Assert.Contains(trail, row => row.Contains(urgent, StringComparison.Ordinal) && row.Contains("changed", StringComparison.Ordinal));
        Assert.Contains(trail, row => row.Contains("feedback.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_feedback_gives_byte_identical_downloads_on_SQLite_and_on_Cosmos()
    {
        await using var sqlite = new BackOfficeFactory();
        var now = TimeProvider.System.GetUtcNow();
        var items = _backOffice.Analysed(
            new Sample("The wait was long") { At = now.AddDays(-40), Mode = CollectionMode.Paper },
            new Sample("Kind nurses, \"lovely\" food") { At = now.AddDays(-3), Sentiment = QualityVoice.Analysis.Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes", "Food & drink provision & facilities"] },
            new Sample("Nobody rang back") { At = now.AddHours(-5), ServiceId = "rtd-wards", Status = TriageStatus.Triaged, AssignedTo = "quality@example.nhs.uk" });
        await sqlite.ImportAsync(items);
        await _backOffice.ImportAsync(items);

        var month = YearMonth.Of(now.AddDays(-3));
        foreach (var path in new[] { "/exports/feedback.csv", "/exports/feedback.csv?sentiment=negative", $"/exports/fft-return.csv?month={month}" })
        {
            async Task<byte[]> DownloadAsync(BackOfficeFactory backOffice)
            {
                using var response = await (await backOffice.SignInAsync(StaffRoles.QualityTeam)).GetAsync(new Uri(path, UriKind.Relative));
                await response.ShouldBeAsync(HttpStatusCode.OK);
                return await response.Content.ReadAsByteArrayAsync();
            }

            var fromSqlite = await DownloadAsync(sqlite);
            Assert.True(fromSqlite.Length > 100, $"{path} has rows");
            Assert.Equal(fromSqlite, await DownloadAsync(_backOffice));
        }
    }

    [Fact]
    public async Task The_same_feedback_gives_the_same_reports_on_SQLite_and_on_Cosmos()
    {
        await using var sqlite = new BackOfficeFactory();
        var now = TimeProvider.System.GetUtcNow();
        var week = QualityVoice.Feedback.Insight.EarlyWarnings.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));
        var monday = new DateTimeOffset(week.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero);
        var items = _backOffice.Analysed(
            new Sample("Nobody came when I rang the bell, I want to end it all") { At = monday, Urgent = true },
            new Sample("Waited six hours to be seen in the department") { At = monday.AddSeconds(1), ThemeConfidence = 0.9 },
            new Sample("The wait was long and nobody told us why") { At = now.AddDays(-10) },
            new Sample("Kind nurses who explained everything to my mum") { At = now.AddDays(-12), Sentiment = QualityVoice.Analysis.Sentiment.Positive, Fft = FftRating.VeryGood, Themes = ["Staff manner & personal attributes"] },
            new Sample("Lovely staff on the children's ward") { At = now.AddDays(-40), ServiceId = "rtd-children", Sentiment = QualityVoice.Analysis.Sentiment.Positive, Fft = FftRating.Good, Themes = ["Staff manner & personal attributes"] });
        await sqlite.ImportAsync(items);
        await _backOffice.ImportAsync(items);

        var months = $"from={YearMonth.Of(now.AddDays(-40))}&to={YearMonth.Of(now)}";
        var weekly = "/reports/weekly?week=" + week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (path, shows) in new[] { (weekly, items[0].Record.Reference), ("/reports/service?service=rtd-ae&" + months, "Waited six hours to be seen in the department") })
        {
            async Task<string> ReportAsync(BackOfficeFactory backOffice)
            {
                return Figures(await (await backOffice.SignInAsync(StaffRoles.QualityTeam)).GetPageAsync(path));
            }

            // The report's sections without the form that records an escalation level (on the report as it is now only).
            static string Figures(AngleSharp.Html.Dom.IHtmlDocument page)
            {
                foreach (var form in page.QuerySelectorAll(".qv-report section details").ToArray())
                {
                    form.Remove();
                }

                return string.Join("\n", page.QuerySelectorAll(".qv-report section").Select(section => System.Text.RegularExpressions.Regex.Replace(section.TextContent, @"\s+", " ").Trim()));
            }

            var fromSqlite = await ReportAsync(sqlite);
            Assert.Contains(shows, fromSqlite, StringComparison.Ordinal);
            Assert.Equal(fromSqlite, await ReportAsync(_backOffice));

            // Kept on Cosmos, the copy shows the same.
            var browser = await _backOffice.SignInAsync(StaffRoles.QualityTeam);
            using (var asked = await browser.SubmitAsync(await browser.GetPageAsync(path), [], "form.qv-report-keep"))
            {
                await asked.ShouldBeAsync(HttpStatusCode.Redirect);
            }

            await _backOffice.AllKeptAsync();

            var kept = (await browser.GetPageAsync("/reports/kept")).QuerySelectorAll("[data-testid=kept] a").Select(link => link.GetAttribute("href")!).First();
            var copy = await browser.GetPageAsync(kept);
            Assert.Equal(fromSqlite, Figures(copy));
        }
    }

    [Fact]
    public async Task Other_intelligence_outreach_and_the_guardians_release_work_on_Cosmos()
    {
        await using var somerset = new CosmosBackOffice(_account, "somerset");
        var lastMonth = YearMonth.Of(TimeProvider.System.GetUtcNow()).AddMonths(-1);

        // The quality team uploads counts; the service report sets them beside the feedback.
        var quality = await somerset.SignInAsync(StaffRoles.QualityTeam);
        var upload = await quality.GetPageAsync("/reports/intelligence");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent((upload.QuerySelector("input[name=__RequestVerificationToken]") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value), "__RequestVerificationToken");
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"service,month,channel,subject,count\nrh5-ed-musgrove,{lastMonth},complaints,Communication,7\n"));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload", "counts.csv");
            using var saved = await quality.PostAsync(new Uri("/reports/intelligence", UriKind.Relative), form);
            await saved.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var report = await quality.GetPageAsync($"/reports/service?service=rh5-ed-musgrove&from={lastMonth}&to={lastMonth}");
        Assert.Contains("Communication (7)", report.QuerySelector("[data-testid=intelligence]")!.TextContent, StringComparison.Ordinal);

        // The engagement team records outreach for a group Somerset's pack describes.
        var engagement = await somerset.SignInAsync(StaffRoles.EngagementTeam);
        using (var recorded = await engagement.SubmitAsync(
            await engagement.GetPageAsync("/reports/outreach"), [new("Group", "Aged 75 or over"), new("What", "Paper forms at the day centres"), new("Starts", lastMonth.ToString())], "main form"))
        {
            await recorded.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var outreach = await engagement.GetPageAsync("/reports/outreach");
        Assert.Contains(outreach.QuerySelectorAll("[data-testid=outreach] tbody tr"), row => row.TextContent.Contains("day centres", StringComparison.Ordinal));

        // The guardians release the count of cases; the weekly pack shows it and nothing else of speak-up.
        var guardian = await somerset.SignInAsync(StaffRoles.FtsuGuardian);
        using (var released = await guardian.SubmitAsync(await guardian.GetPageAsync("/speak-up/insights-pack"), [new("Measures", "cases")], "main form"))
        {
            await released.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var pack = await quality.GetPageAsync("/reports/weekly");
        var speakUp = pack.QuerySelectorAll("[data-testid=speak-up] tbody tr").Select(row => row.Children[0].TextContent).ToArray();
        Assert.Equal(["Cases raised"], speakUp);
    }

    [Fact]
    public async Task Retention_subject_access_and_erasure_work_on_Cosmos()
    {
        var now = TimeProvider.System.GetUtcNow();
        var (old, theirs) = (await _backOffice.ImportAsync(
            new Sample("Ring me on 07700 900123 about the ward") { Redacted = "Ring me on [phone] about the ward", ContactEmail = "old@example.com", At = now.AddMonths(-30) },
            new Sample("Dr Patel ignored me") { Redacted = "Dr [name] ignored me", ContactEmail = "sam@example.com", At = now.AddHours(-1) })) switch { var references => (references[0], references[1]) };

        Assert.Equal(1, await _backOffice.Services.GetRequiredService<RetentionWorker>().ApplyAsync(CancellationToken.None));
        var quality = await _backOffice.SignInAsync(StaffRoles.QualityTeam, "quality@example.nhs.uk");
        var kept = await quality.GetPageAsync($"/inbox/{old}");
        Assert.NotNull(kept.QuerySelector("[data-testid=originals-removed]"));
        Assert.DoesNotContain("07700 900123", kept.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var administrator = await _backOffice.SignInAsync(StaffRoles.Administrator, "admin@example.nhs.uk");
        var page = await administrator.GetPageAsync($"/admin/rights?reference={theirs}");
        using (var copy = await administrator.SubmitAsync(page, [new("RequestDetails", "Sam asked by email; checked the address")], "main button[formaction*=Copy]"))
        {
            await copy.ShouldBeAsync(HttpStatusCode.OK);
            var text = await copy.Content.ReadAsStringAsync();
            Assert.Contains("Dr Patel ignored me", text, StringComparison.Ordinal);
            Assert.Contains("sam@example.com", text, StringComparison.Ordinal);
        }

        using (var erased = await administrator.SubmitAsync(page, [new("RequestDetails", "Sam asked by email; checked the address"), new("Confirm", theirs)], "main button[formaction*=Erase]"))
        {
            await erased.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        using var gone = await quality.GetAsync(new Uri($"/inbox/{theirs}", UriKind.Relative));
        await gone.ShouldBeAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(theirs, (await quality.GetPageAsync("/inbox")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private sealed class CosmosBackOffice(CosmosDbServer account, string pack = "nenc") : BackOfficeFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Content:Pack"] = pack,
            ["Feedback:Store"] = "Cosmos",
            ["Feedback:Cosmos:Endpoint"] = account.Endpoint.ToString(),
            ["Feedback:Cosmos:Key"] = account.Key,
            ["Feedback:Cosmos:Database"] = "qv-backoffice-" + Guid.NewGuid().ToString("N")[..8],
            ["Feedback:Cosmos:AcceptAnyServerCertificate"] = account.IsProtocolPeer ? "true" : "false",
        };
    }
}
