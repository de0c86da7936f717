using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.EntraId;

/// <summary>
/// Sign-in with the organisation's Microsoft Entra ID: OpenID Connect's authorisation code flow with PKCE, the
/// result held in Identity's external cookie until the back office matches it to a staff account
/// (<see cref="StaffAccounts.SignedInByDirectoryAsync"/>) with the roles the app registration's app roles assign.
/// </summary>
public static class EntraIdSignIn
{
    /// <summary>Where Entra ID sends people back to; register it on the app registration.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// Adds the Entra ID scheme when <c>Staff:EntraId</c> names a tenant and client; otherwise nothing, and staff sign
    /// in with their QualityVoice accounts only. <paramref name="failedPath"/> is where a failed or cancelled sign-in
    /// lands.
    /// </summary>
    public static WebApplicationBuilder AddEntraIdSignIn(this WebApplicationBuilder builder, string failedPath)
    {
        builder.Services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.Section);
        var options = builder.Configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>() ?? new();
        if (!options.IsConfigured)
        {
            return builder;
        }

        var production = builder.Environment.IsProduction();
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new InvalidOperationException("Staff:EntraId names a tenant and client, so Staff:EntraId:ClientSecret must be set (from Key Vault).");
        }

        if (production && options.Instance.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("Staff:EntraId:Instance must be an https address in Production.");
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(EntraIdOptions.Scheme, EntraIdOptions.DisplayName, oidc =>
        {
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query of a top-level redirect, so the correlation and nonce cookies can be
            // SameSite=Lax (a form_post answer is a cross-site POST, which needs SameSite=None). PKCE binds the code.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.UsePkce = true;
            oidc.CallbackPath = CallbackPath;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.SaveTokens = false;
            oidc.DisableTelemetry = true;
            oidc.RequireHttpsMetadata = production;
            oidc.TokenValidationParameters.NameClaimType = "preferred_username";
            oidc.TokenValidationParameters.RoleClaimType = "roles";
            if (!production)
            {
                // Local runs and tests are plain http on loopback; in Production these cookies are Secure.
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            // A cancelled, refused or forged answer lands on the sign-in page with a message, never an error page.
            oidc.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(failedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// Who Entra ID signed in, from the ID token's claims; null when it is not someone of the configured tenant or
    /// the token lacks their object id or address.
    /// </summary>
    public static DirectoryIdentity? IdentityOf(ClaimsPrincipal principal, EntraIdOptions options)
    {
        var tenant = principal.FindFirstValue("tid");
        var objectId = principal.FindFirstValue("oid");
        // The sign-in name the tenant gives its own people (their UPN), rather than the optional, possibly unverified
        // email claim; the account is matched by tid/oid either way.
        var email = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("email");
        if (tenant is null || objectId is null || string.IsNullOrWhiteSpace(email)
            || !string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var roles = principal.FindAll("roles").Select(claim => claim.Value).ToArray();
        return new DirectoryIdentity(EntraIdOptions.Scheme, EntraIdOptions.DisplayName, $"{tenant}/{objectId}", email.Trim(), roles);
    }

    /// <summary>Whether the sign-in counts as two-factor: the token says so, or the tenant's Conditional Access requires it.</summary>
    public static bool ShowedTwoFactors(ClaimsPrincipal principal, EntraIdOptions options) =>
        options.TenantRequiresMfa || principal.HasClaim("amr", "mfa");
}
