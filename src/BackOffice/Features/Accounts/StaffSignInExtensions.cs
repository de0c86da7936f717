using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.EntraId;
using QualityVoice.Staff.Hosting;
using QualityVoice.Staff.Sessions;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>Sign-in for staff, and who may open which part of the back office.</summary>
internal static class StaffSignInExtensions
{
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        builder.AddStaffAccounts().AddSignInManager<StaffSignInManager>();
        builder.Services.AddSingleton<KnownDevices>();

        // Sessions live on the server: the cookie holds only a session id, so that signing out ends the session.
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessionStore>((options, sessions) => options.SessionStore = sessions);
        builder.AddSignInRateLimit();
        builder.AddEntraIdSignIn(failedPath: "/account/sign-in?entra=failed");

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "qv-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/account/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.ReturnUrlParameter = "returnUrl";

                // A page the role does not open answers 403 where it is (the status code page explains),
                // rather than redirecting away from the address the person asked for.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            }));

        // A role given to someone reaches their session within a minute (sessions that lose something end at once).
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in BackOfficePolicies.Roles)
        {
            authorization.AddPolicy(policy, rule => rule.RequireRole(roles));
        }

        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            options.Conventions.AllowAnonymousToPage("/Accounts/SignedOut");
            options.Conventions.AllowAnonymousToPage("/Accounts/SignInCode");
            options.Conventions.AllowAnonymousToPage("/Accounts/EntraSignIn");
            options.Conventions.AllowAnonymousToPage("/Errors/Error");
            options.Conventions.AllowAnonymousToPage("/ContentPages/ContentPage");
            options.Conventions.AuthorizeFolder("/Inbox", BackOfficePolicies.Triage);
            options.Conventions.AuthorizeFolder("/Items", BackOfficePolicies.Triage);
            options.Conventions.AuthorizeFolder("/Dashboard", BackOfficePolicies.Triage);
            options.Conventions.AuthorizeFolder("/Exports", BackOfficePolicies.Triage);
            options.Conventions.AuthorizeFolder("/Updates", BackOfficePolicies.Publish);
            options.Conventions.AuthorizeFolder("/SpeakUp", BackOfficePolicies.SpeakUp);
            options.Conventions.AddPageRoute("/Updates/EditUpdate", "/updates/new");
            options.Conventions.AuthorizeFolder("/Admin", BackOfficePolicies.Administer);
            options.Conventions.AuthorizeFolder("/Imports", BackOfficePolicies.Import);
            options.Conventions.AuthorizeFolder("/Reports", BackOfficePolicies.Reports);
            options.Conventions.AuthorizeFolder("/Appointments", BackOfficePolicies.ApproveRoles);
            options.Conventions.AuthorizeFolder("/Audit", BackOfficePolicies.ReadAudit);
            options.Conventions.AddPageRoute("/Audit/Audit", "/speak-up/audit");
        });
        return builder;
    }

    /// <summary>
    /// Staff must have shown a second factor (an authenticator app's code) before they open anything but their
    /// account pages, where <c>Staff:RequireTwoFactor</c> is on (the default; <c>./qv run</c> turns it off for a
    /// first look): every role can open something that identifies someone.
    /// </summary>
    public static WebApplication UseTwoFactorWhereRequired(this WebApplication app)
    {
        var required = app.Configuration.GetValue("Staff:RequireTwoFactor", defaultValue: true);
        if (!required)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var user = context.User;
            var open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || context.Request.Path.StartsWithSegments("/account");
            if (!open && user.Identity?.IsAuthenticated == true
                && StaffRoles.MustUseTwoFactor.Any(user.IsInRole) && !user.HasClaim("amr", "mfa"))
            {
                context.Response.Redirect("/account/two-factor?required=true");
                return;
            }

            await next(context);
        });
        return app;
    }
}
