using QualityVoice.Content;
using QualityVoice.Web.Layout;

namespace QualityVoice.BackOffice;

/// <summary>The back office's header and footer: navigation by role, and the account links.</summary>
internal static class BackOfficeChrome
{
    public static WebApplicationBuilder AddBackOfficeChrome(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => new SiteChrome
        {
            OrganisationName = services.GetRequiredService<ContentPack>().IcbName,
            AppName = "back office",
            ShowAccount = true,
            Navigation =
            [
                new NavigationLink("Inbox", "/inbox", BackOfficePolicies.Roles[BackOfficePolicies.Triage]),
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
