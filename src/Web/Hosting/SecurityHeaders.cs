using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QualityVoice.Web.Hosting;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (scripts and styles from this site only, so
/// text people typed can never run), no framing, no MIME sniffing, no referrer leaving the site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy with nothing added. Fonts come from the NHS's own asset host, as on every NHS.UK service.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "base-uri 'self'; object-src 'none'";

    /// <summary>The policy with the origins a configured provider needs (reCAPTCHA's scripts and frames).</summary>
    public static string PolicyWith(ContentSecurityPolicyOptions extra)
    {
        var scripts = string.Concat(extra.ScriptSources.Select(source => " " + source));
        var frames = extra.FrameSources.Count == 0 ? string.Empty : "frame-src " + string.Join(' ', extra.FrameSources) + "; ";
        return $"default-src 'self'; script-src 'self'{scripts}; style-src 'self'; img-src 'self' data:; " +
            $"font-src 'self' https://assets.nhs.uk; connect-src 'self'; {frames}form-action 'self'; frame-ancestors 'none'; " +
            "base-uri 'self'; object-src 'none'";
    }

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyWith(app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicyOptions>>().Value);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
    }
}

/// <summary>Origins beyond this site that a configured provider needs in the Content-Security-Policy; none by default.</summary>
public sealed class ContentSecurityPolicyOptions
{
    /// <summary>Extra <c>script-src</c> origins.</summary>
    public IList<string> ScriptSources { get; } = [];

    /// <summary><c>frame-src</c> origins (none: no frames).</summary>
    public IList<string> FrameSources { get; } = [];
}
