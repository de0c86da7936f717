using Microsoft.Net.Http.Headers;

namespace QualityVoice.BackOffice;

/// <summary>
/// Every back-office answer that does not set its own caching (static assets do) is <c>Cache-Control: no-store</c>:
/// what staff read is personal and confidential, and must not stay in a shared computer's browser cache or a proxy.
/// </summary>
internal static class StaffPagesAreNeverCached
{
    public static WebApplication UseStaffPagesNeverCached(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
