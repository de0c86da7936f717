using System.Diagnostics;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Where headless Chromium is, and how long a report may take to print.</summary>
public sealed class ReportPdfOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>Chromium's path; empty to look in the usual places (Debian's chromium, chromium-browser, google-chrome).</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long printing one report may take.</summary>
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Prints a report's HTML to an A4 PDF with headless Chromium, as a browser would print it: the report's print
/// stylesheet decides the layout. The HTML is written to a folder only this account can read, and removed with the
/// PDF once read.
/// </summary>
public sealed class ChromiumPdf(IOptions<ReportPdfOptions> options, ILogger<ChromiumPdf> logger)
{
    private static readonly string[] UsualPlaces = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private readonly string? _chromium = string.IsNullOrWhiteSpace(options.Value.ChromiumPath)
        ? UsualPlaces.FirstOrDefault(File.Exists)
        : File.Exists(options.Value.ChromiumPath) ? options.Value.ChromiumPath : null;

    /// <summary>Whether Chromium is here to print with.</summary>
    public bool IsAvailable => _chromium is not null;

    /// <summary>
    /// Prints <paramref name="html"/>, whose stylesheets and images are fetched from <paramref name="assets"/> (the app
    /// itself, on loopback: they are public files).
    /// </summary>
    public async Task<byte[]> PrintAsync(string html, Uri assets, CancellationToken cancellationToken)
    {
        var chromium = _chromium ?? throw new InvalidOperationException("Chromium is not installed here, so reports cannot be printed to PDF");
        var folder = Path.Combine(Path.GetTempPath(), "qv-report-" + Guid.NewGuid().ToString("N"));
        PrivateFiles.CreateDirectory(folder);
        try
        {
            var page = Path.Combine(folder, "report.html");
            var pdf = Path.Combine(folder, "report.pdf");
            await using (var file = PrivateFiles.CreateNew(page))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteAsync(WithBase(html, assets).AsMemory(), cancellationToken);
            }

            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-extensions", "--ignore-certificate-errors", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(folder, "profile"), "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PrintTimeout);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                // Chromium's own messages name files and flags, never the report's contents.
                logger.LogWarning("Chromium could not print a report (exit code {ExitCode}): {Errors}", process.ExitCode, Truncate(await errors));
                throw new InvalidOperationException("Chromium could not print the report");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string WithBase(string html, Uri assets)
    {
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        var tag = $"<base href=\"{assets.AbsoluteUri}\">";
        return head < 0 ? tag + html : html.Insert(head + "<head>".Length, tag);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
