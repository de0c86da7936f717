using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Exports;

public sealed class ExportTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_csv_is_the_filtered_list_with_personal_details_hidden_and_the_download_is_audited()
    {
        var references = await backOffice.ImportAsync(
            new Sample("Dr Shah phoned me on 07700 900789") { ServiceId = "rtd-children", Redacted = "[PERSON] phoned me on [PHONE]" },
            new Sample("Lovely play area") { ServiceId = "rtd-children", Sentiment = QualityVoice.Analysis.Sentiment.Positive, Fft = FftRating.VeryGood },
            new Sample("Elsewhere entirely") { ServiceId = "rtd-day-surgery" });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri("/exports/feedback.csv?service=rtd-children&sentiment=negative", UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        var row = Assert.Single(Csv.Read(body));
        Assert.Equal(references[0], row["Reference"]);
        Assert.Equal("[PERSON] phoned me on [PHONE]", row["What people said (personal details hidden)"]);
        Assert.DoesNotContain("07700", body, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync("feedback.csv"), entry => entry.Detail.Contains("service=rtd-children", StringComparison.Ordinal));
        Assert.Equal("qualityteam@example.nhs.uk", entry.Actor);
    }

    [Fact]
    public async Task A_comment_that_looks_like_a_formula_is_written_as_text()
    {
        await backOffice.ImportAsync(new Sample("=HYPERLINK(\"http://evil.example\",\"click\")") { ServiceId = "rtd-outpatients" });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var csv = Csv.Read(await browser.GetStringAsync(new Uri("/exports/feedback.csv?service=rtd-outpatients", UriKind.Relative)));
        var xlsx = await SheetAsync(browser, "/exports/feedback.xlsx?service=rtd-outpatients");

        Assert.StartsWith("'=HYPERLINK", Assert.Single(csv)["What people said (personal details hidden)"], StringComparison.Ordinal);
        Assert.StartsWith("'=HYPERLINK", xlsx[1][^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_download_opens_as_a_workbook_with_the_same_rows()
    {
        await backOffice.ImportAsync(new Sample("Excel row one") { ServiceId = "rtf-outpatients" }, new Sample("Excel row two") { ServiceId = "rtf-outpatients" });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var rows = await SheetAsync(browser, "/exports/feedback.xlsx?service=rtf-outpatients");

        Assert.Equal("Reference", rows[0][0]);
        Assert.Equal(["Excel row one", "Excel row two"], rows.Skip(1).Select(row => row[^1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_fft_return_counts_each_answer_per_service_and_collection_mode()
    {
        var month = TimeProvider.System.GetUtcNow().AddMonths(-1);
        await backOffice.ImportAsync(
            new Sample("a") { ServiceId = "rtf-maternity", Fft = FftRating.VeryGood, At = month },
            new Sample("b") { ServiceId = "rtf-maternity", Fft = FftRating.VeryGood, At = month },
            new Sample("c") { ServiceId = "rtf-maternity", Fft = FftRating.Poor, At = month },
            new Sample("d") { ServiceId = "rtf-maternity", Fft = FftRating.DontKnow, At = month },
            new Sample("e") { ServiceId = "rtf-maternity", Fft = FftRating.Good, At = month, Mode = CollectionMode.Paper });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var rows = Csv.Read(await browser.GetStringAsync(new Uri($"/exports/fft-return.csv?month={month:yyyy-MM}", UriKind.Relative)))
            .Where(row => row["Service id"] == "rtf-maternity").ToArray();

        var online = Assert.Single(rows, row => row["Collection mode"] == "online");
        Assert.Equal(("2", "1", "1", "4"), (online["Very good"], online["Poor"], online["Don't know"], online["Total"]));
        Assert.Equal(("50.0", "25.0"), (online["Percentage positive"], online["Percentage negative"]));
        var paper = Assert.Single(rows, row => row["Collection mode"] == "paper");
        Assert.Equal(("1", "1", "100.0"), (paper["Good"], paper["Total"], paper["Percentage positive"]));
    }

    [Theory]
    [InlineData("/exports/fft-return.csv?month=March", "month")]
    [InlineData("/exports/feedback.csv?status=lost", "status")]
    [InlineData("/exports/feedback.xlsx?from=2026-13-01", "from")]
    [InlineData("/exports/feedback.csv?to=9999-12-31", "to")]
    public async Task A_download_with_a_bad_filter_is_a_400_that_names_it(string path, string parameter)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string[]>> SheetAsync(HttpClient browser, string path)
    {
        var bytes = await browser.GetByteArrayAsync(new Uri(path, UriKind.Relative));
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => cell.InnerText).ToArray()).ToArray();
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string subject)
    {
        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Subject: subject), 100);
        return entries.Select(entry => entry.Entry).ToArray();
    }
}
