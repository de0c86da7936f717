using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QualityVoice.Web.Hosting;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (scripts and styles from this site only, so
/// text people typed can never run), no framing, no MIME sniffing, no referrer leaving the site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy. Fonts come from the NHS's own asset host, as on every NHS.UK service.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "base-uri 'self'; object-src 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
}
