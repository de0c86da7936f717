using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Web.Features.Errors;

/// <summary>
/// The error pages, in the NHS service manual's words. Requests to the API get problem details instead.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>The page's heading.</summary>
    public string Heading { get; private set; } = string.Empty;

    /// <summary>What the page says.</summary>
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    /// <summary>Shows the page for a status code (GET, POST and every other method re-executed here).</summary>
    public IActionResult OnGet(int code) => Show(code);

    /// <inheritdoc cref="OnGet"/>
    public IActionResult OnPost(int code) => Show(code);

    /// <inheritdoc cref="OnGet"/>
    public IActionResult OnPut(int code) => Show(code);

    /// <inheritdoc cref="OnGet"/>
    public IActionResult OnPatch(int code) => Show(code);

    /// <inheritdoc cref="OnGet"/>
    public IActionResult OnDelete(int code) => Show(code);

    private IActionResult Show(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value
            ?? "/";
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is StoreUnavailableException)
        {
            // Busy for a moment, not broken: nothing was saved, and the same request again will succeed.
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "1";
        }

        (Heading, Paragraphs) = status switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ("Page not found",
                (IReadOnlyList<string>)["If you typed the web address, check it was correct.", "If you pasted the web address, check you copied the entire address."]),
            StatusCodes.Status403Forbidden => ("You do not have permission to see this page",
                ["Your account does not have the role this page needs. Ask an administrator if you think it should."]),
            StatusCodes.Status429TooManyRequests => ("Too many attempts",
                ["You have tried too many times in a short time. Wait a few minutes, then try again."]),
            StatusCodes.Status400BadRequest => ("Sorry, something went wrong with your request",
                ["The page may have been open for too long. Go back, refresh the page and try again."]),
            StatusCodes.Status501NotImplemented => ("This is not available with this ICB's storage yet",
                ["The inbox, dashboard and downloads run on the embedded SQLite store. With Azure Cosmos DB they are not built yet.", "Ask your administrator."]),
            >= 500 => ("Sorry, there is a problem with the service",
                ["Try again later. If you were giving feedback and did not see a reference, it was not saved."]),
            _ => ("Sorry, something went wrong with your request", ["Go back and try again."]),
        };

        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            var detail = status == StatusCodes.Status503ServiceUnavailable
                ? "Nothing was saved. Send the same request again, with the same Idempotency-Key, after the Retry-After header's seconds."
                : Paragraphs[0];
            return new ObjectResult(new ProblemDetails { Status = status, Title = Heading, Detail = detail })
            {
                StatusCode = status,
                ContentTypes = { "application/problem+json" },
            };
        }

        Response.StatusCode = status;
        return Page();
    }
}
