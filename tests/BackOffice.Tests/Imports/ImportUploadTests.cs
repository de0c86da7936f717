using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.BackOffice.Features.Imports;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Imports;

/// <summary>The quality team uploads a provider's file; it is imported in the background, audited, its bad rows reported.</summary>
public sealed class ImportUploadTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private const string File = """
        row_id,date,ods_code,service,fft_answer,what_was_good,what_could_improve,collection_mode
        k-1,2026-09-14,RTD,Maternity,1,Kind midwives,,kiosk
        k-2,2026-09-15,RTD,Maternity,2,,Parking,kiosk
        k-3,2026-09-15,RTD,Podiatry,2,,,kiosk

        """;

    [Fact]
    public async Task An_uploaded_file_is_imported_in_the_background_with_its_rejected_rows_to_download()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam, "importer@example.nhs.uk");
        var pending = (await backOffice.Services.GetRequiredService<IAnalysisOutbox>().ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting;

        using var uploaded = await UploadAsync(quality, "kiosk-september.csv", File, "generic", "Acme kiosks");
        await uploaded.ShouldBeAsync(HttpStatusCode.Redirect);

        var job = backOffice.Services.GetRequiredService<ImportJobs>().All.Single(j => j.FileName == "kiosk-september.csv");
        for (var wait = 0; !job.IsFinished && wait < 200; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Null(job.Failure);
        Assert.Equal((3, 2, 1), (job.Summary!.Rows, job.Summary.Imported, job.Summary.Rejected));
        Assert.False(System.IO.File.Exists(job.UploadPath), "the upload, which holds what people wrote, is deleted once imported");
        var page = await quality.GetPageAsync("/imports");
        Assert.Contains("3 rows read: 2 imported", page.QuerySelector("[data-testid=imports]")!.TextContent, StringComparison.Ordinal);

        var link = page.QuerySelector<IHtmlAnchorElement>("[data-testid=imports] a[download]")!;
        var report = await quality.GetStringAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.StartsWith("row,rowId,reason,detail", report, StringComparison.Ordinal);
        Assert.Contains("3,k-3,unknown service", report, StringComparison.Ordinal);

        var (entries, _) = await backOffice.Services.GetRequiredService<IAuditLog>().ReadAsync(new AuditQuery(Action: AuditActions.Imported), 10);
        var entry = Assert.Single(entries, e => e.Entry.Subject == "import kiosk-september.csv").Entry;
        Assert.Equal("importer@example.nhs.uk", entry.Actor);
        Assert.Contains("client Acme kiosks", entry.Detail, StringComparison.Ordinal);
        Assert.True((await backOffice.Services.GetRequiredService<IAnalysisOutbox>().ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting >= pending);
    }

    [Fact]
    public async Task No_file_or_no_profile_is_named_in_the_error_summary()
    {
        var quality = await backOffice.SignInAsync(StaffRoles.QualityTeam, "importer-two@example.nhs.uk");

        using var refused = await UploadAsync(quality, null, null, null, null);

        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Select the provider's CSV file", "Select the profile that describes the file's columns"], (await refused.ReadPageAsync()).ErrorSummary());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string? fileName, string? content, string? profile, string? client)
    {
        var page = await browser.GetPageAsync("/imports");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (fileName is not null)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content!)), "Upload", fileName);
        }

        if (profile is not null)
        {
            form.Add(new StringContent(profile), "Profile");
        }

        if (client is not null)
        {
            form.Add(new StringContent(client), "Client");
        }

        return await browser.PostAsync(new Uri("/imports", UriKind.Relative), form);
    }
}
