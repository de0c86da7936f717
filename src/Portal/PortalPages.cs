using QualityVoice.Portal.Features.YouSaidWeDid;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Content;
using QualityVoice.Portal.Caching;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Web.Layout;

namespace QualityVoice.Portal;

/// <summary>The portal's header, footer, which pages are rate-limited, and the pack's plain pages cached.</summary>
internal static class PortalPages
{
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<YouSaidWeDidUpdates>();
        builder.Services.AddSingleton(services =>
        {
            var icb = services.GetRequiredService<ContentPack>().IcbName;
            return new SiteChrome
            {
                OrganisationName = icb,
                Description = $"Tell {icb} about your care or speak up as a member of staff, "
                    + "follow what happens to what you said, and see what changed because people spoke up.",
                Navigation =
                [
                    new NavigationLink("Give feedback", "/feedback"),
                    new NavigationLink("Track your feedback", "/track"),
                    new NavigationLink("Speak up (staff)", "/speak-up"),
                ],
                FooterLinks =
                [
                    new NavigationLink("Accessibility statement", "/accessibility-statement"),
                    new NavigationLink("Privacy", "/privacy"),
                    new NavigationLink("Contact us", "/contact"),
                ],
            };
        });

        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddFolderApplicationModelConvention(
                "/Feedback", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimiting.FormsPolicy)));
            options.Conventions.AddFolderApplicationModelConvention(
                "/Tracking", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimiting.TrackingPolicy)));
            options.Conventions.AddPageApplicationModelConvention(
                "/SpeakUp/SpeakUpJourney", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimiting.FormsPolicy)));
            options.Conventions.AddPageApplicationModelConvention(
                "/SpeakUp/Case", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimiting.TrackingPolicy)));

            // The pack's plain pages (shared with the back office, which caches nothing) are cached here.
            options.Conventions.AddPageApplicationModelConvention(
                "/ContentPages/ContentPage", page => page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PublicPageCache.Policy }));
        });
        return builder;
    }
}
