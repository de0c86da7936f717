using QualityVoice.Portal.Features.YouSaidWeDid;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QualityVoice.Content;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Web.Layout;

namespace QualityVoice.Portal;

/// <summary>The portal's header, footer, and which pages are rate-limited.</summary>
internal static class PortalPages
{
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<YouSaidWeDidUpdates>();
        builder.Services.AddSingleton(services => new SiteChrome
        {
            OrganisationName = services.GetRequiredService<ContentPack>().IcbName,
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
        });
        return builder;
    }
}
