using Microsoft.AspNetCore.OutputCaching;

namespace QualityVoice.Portal.Caching;

/// <summary>
/// The portal's public pages are the same for everyone and change only when content or a published update does, so
/// each is rendered once and served from memory until something it shows changes (ASP.NET Core output caching). A page
/// opts in with <c>[OutputCache(PolicyName = PublicPageCache.Policy, Tags = …)]</c>, naming what it shows; the
/// invalidation service drops the pages with a tag when that changes, on every instance; everything else is sent
/// <c>Cache-Control: no-store</c>. docs/adr/0014-portal-output-caching.md records the design.
/// </summary>
public static class PublicPageCache
{
    /// <summary>The output-cache policy of public pages.</summary>
    public const string Policy = "public-page";

    /// <summary>Pages that show "you said, we did" updates published from the back office.</summary>
    public const string Updates = "updates";

    /// <summary>Pages that show counts of the complete months before this one (theme pages, open data).</summary>
    public const string Months = "months";

    /// <summary>Every public page: all show content, which changes when the content source says so (Umbraco's webhooks).</summary>
    public const string Content = "content";

    /// <summary>How long a page that shows monthly counts is kept at most: late analyses and corrections show within it.</summary>
    public const int CountsSeconds = 600;

    /// <summary>
    /// Registers output caching (vary by no query parameter unless a page names its own, so that made-up
    /// parameters cannot fill the cache; an hour at most) and the service that drops pages when what they show changes.
    /// </summary>
    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicPageCacheOptions>().BindConfiguration(PublicPageCacheOptions.Section);
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy.PublicPage());
        });
        builder.Services.AddHostedService<PublicPageInvalidation>();
        return builder;
    }

    /// <summary>
    /// The public-page policy, for pages (by <see cref="Policy"/>) and endpoints (<c>CacheOutput(policy =&gt;
    /// policy.PublicPage()…)</c>) alike: an hour at most, no query parameter unless one is added, and the
    /// <see cref="Content"/> tag, because every public page shows content (the header's ICB name at least).
    /// </summary>
    public static OutputCachePolicyBuilder PublicPage(this OutputCachePolicyBuilder policy) =>
        policy.Expire(TimeSpan.FromHours(1)).SetVaryByQuery([]).Tag(Content);

    /// <summary>
    /// Serves cached pages (answering <c>If-None-Match</c> with 304), and gives each page it renders an ETag from its
    /// bytes; pages that are not cacheable are marked <c>no-store</c>.
    /// </summary>
    public static WebApplication UsePublicPageCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseMiddleware<PublicPageValidators>();
        return app;
    }
}

/// <summary>How the portal notices changes made by other processes (the back office, other instances).</summary>
public sealed class PublicPageCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Portal:Cache";

    /// <summary>How often the store's published-updates version is read (milliseconds).</summary>
    public int PollMilliseconds { get; set; } = 250;
}
