using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Reports;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>Printing when Chromium is missing or fails: said plainly, and nothing of the report left behind.</summary>
public sealed class ChromiumPdfTests
{
    [Fact]
    public void A_chromium_path_that_is_not_there_means_no_pdf_here()
    {
        var pdf = new ChromiumPdf(Options.Create(new ReportPdfOptions { ChromiumPath = "/nowhere/chromium" }), NullLogger<ChromiumPdf>.Instance);

        Assert.False(pdf.IsAvailable);
    }

    [Fact]
    public async Task A_chromium_that_fails_is_an_error_that_says_so_and_the_reports_html_is_not_left_on_disk()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "qv-report-*").ToHashSet();
        var pdf = new ChromiumPdf(Options.Create(new ReportPdfOptions { ChromiumPath = "/bin/false" }), NullLogger<ChromiumPdf>.Instance);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => pdf.PrintAsync("<html><head></head><body>A report</body></html>", new Uri("http://127.0.0.1:1/"), CancellationToken.None));

        Assert.Equal("Chromium could not print the report", failed.Message);
        Assert.Subset(before, Directory.GetDirectories(Path.GetTempPath(), "qv-report-*").ToHashSet());
    }
}
