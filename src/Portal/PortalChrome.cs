using QualityVoice.Content;
using QualityVoice.Web.Layout;

namespace QualityVoice.Portal;

/// <summary>The portal's header and footer.</summary>
internal static class PortalChrome
{
    public static WebApplicationBuilder AddPortalChrome(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => new SiteChrome
        {
            OrganisationName = services.GetRequiredService<ContentPack>().IcbName,
            Navigation =
            [
                new NavigationLink("Give feedback", "/feedback"),
            ],
            FooterLinks =
            [
                new NavigationLink("Accessibility statement", "/accessibility-statement"),
                new NavigationLink("Privacy", "/privacy"),
                new NavigationLink("Contact us", "/contact"),
            ],
        });
        return builder;
    }
}
