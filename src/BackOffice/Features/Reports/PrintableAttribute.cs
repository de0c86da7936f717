using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback.Audit;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>
/// A report page that can also be had as PDF: with <c>?format=pdf</c>, the page renders as usual and its HTML is
/// printed by headless Chromium (<see cref="ChromiumPdf"/>), so the PDF is the same document the page is. A page that
/// answers with an error answers with its HTML; where Chromium is not installed, the PDF is refused with a 404 that
/// says so, and where Chromium fails or takes too long, with a 503 that says how to have the report anyway. Each PDF is in
/// the audit log, as a download is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PrintableAttribute() : TypeFilterAttribute(typeof(PrintFilter))
{
    /// <summary>The query that asks for the PDF.</summary>
    public const string Query = "format";

    /// <summary>Whether a request asks for the PDF.</summary>
    public static bool AsksForPdf(HttpRequest request) => string.Equals(request.Query[Query], "pdf", StringComparison.Ordinal);

    private sealed class PrintFilter(ChromiumPdf chromium, IServer server, IAuditLog audit, TimeProvider time) : IAsyncResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (!AsksForPdf(http.Request))
            {
                await next();
                return;
            }

            if (!chromium.IsAvailable || LoopbackAddress() is not { } assets)
            {
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status404NotFound,
                    ContentType = "text/plain; charset=utf-8",
                    Content = "This report cannot be had as PDF here: Chromium is not installed on the server. Open the report and print it from your browser instead.",
                };
                await next();
                return;
            }

            var body = http.Response.Body;
            using var html = new MemoryStream();
            http.Response.Body = html;
            try
            {
                await next();
            }
            finally
            {
                http.Response.Body = body;
            }

            if (http.Response.StatusCode != StatusCodes.Status200OK)
            {
                html.Position = 0;
                await html.CopyToAsync(body, http.RequestAborted);
                return;
            }

            byte[] pdf;
            try
            {
                pdf = await chromium.PrintAsync(Encoding.UTF8.GetString(html.ToArray()), assets, http.RequestAborted);
            }
            catch (Exception failed) when (failed is InvalidOperationException || (failed is OperationCanceledException && !http.RequestAborted.IsCancellationRequested))
            {
                // Chromium failed or took too long: say so, and how to have the report anyway.
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/plain; charset=utf-8";
                http.Response.Headers.RetryAfter = "60";
                await http.Response.WriteAsync("The PDF could not be made just now. Try again in a minute, or open the report and print it from your browser.", http.RequestAborted);
                return;
            }

            // A report leaves the back office as a file, as a download does: the audit log says who took which.
            await audit.RecordAsync(
                new AuditEntry(time.GetUtcNow(), StaffMember.NameOf(http.User), AuditActions.Exported, "report", $"PDF of {http.Request.Path}{http.Request.QueryString}"),
                http.RequestAborted);
            http.Response.ContentType = "application/pdf";
            http.Response.ContentLength = pdf.Length;
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{Path.GetFileName(http.Request.Path.Value?.TrimEnd('/'))}.pdf\"";
            await body.WriteAsync(pdf, http.RequestAborted);
        }

        /// <summary>Where this app listens, as Chromium on this machine reaches it: loopback, first http if there is one.</summary>
        private Uri? LoopbackAddress()
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.OrderBy(address => address.StartsWith("https", StringComparison.OrdinalIgnoreCase)))
            {
                var bound = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
                if (Uri.TryCreate(bound, UriKind.Absolute, out var uri))
                {
                    return new UriBuilder(uri) { Host = "127.0.0.1", Path = "/" }.Uri;
                }
            }

            return null;
        }
    }
}
