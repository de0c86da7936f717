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
            FullWidth = true,
            ShowAccount = true,
            Navigation =
            [
                new NavigationLink("Inbox", "/inbox", BackOfficePolicies.Roles[BackOfficePolicies.Triage]),
                new NavigationLink("Dashboard", "/dashboard", BackOfficePolicies.Roles[BackOfficePolicies.Triage]),
                new NavigationLink("Reports", "/reports", BackOfficePolicies.Roles[BackOfficePolicies.Reports]),
                new NavigationLink("Downloads", "/exports", BackOfficePolicies.Roles[BackOfficePolicies.Triage]),
                new NavigationLink("Imports", "/imports", BackOfficePolicies.Roles[BackOfficePolicies.Import]),
                new NavigationLink("You said, we did", "/updates", BackOfficePolicies.Roles[BackOfficePolicies.Publish]),
                new NavigationLink("Speak up cases", "/speak-up", BackOfficePolicies.Roles[BackOfficePolicies.SpeakUp]),
                new NavigationLink("Staff accounts", "/admin/users", BackOfficePolicies.Roles[BackOfficePolicies.Administer]),
                new NavigationLink("API clients", "/admin/api-clients", BackOfficePolicies.Roles[BackOfficePolicies.Administer]),
                new NavigationLink("Audit log", "/admin/audit", BackOfficePolicies.Roles[BackOfficePolicies.Administer]),
                new NavigationLink("Subject access and erasure", "/admin/rights", BackOfficePolicies.Roles[BackOfficePolicies.Administer]),
                new NavigationLink("Speak up audit log", "/speak-up/audit", BackOfficePolicies.Roles[BackOfficePolicies.SpeakUp]),
                new NavigationLink("Roles to approve", "/guardian-appointments", BackOfficePolicies.Roles[BackOfficePolicies.ApproveRoles]),
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
