namespace QualityVoice.Staff.EntraId;

/// <summary>
/// The ICB's Entra ID app registration. Bound from <c>Staff:EntraId</c>; sign-in with Entra ID is offered when the
/// tenant and client are set. The client secret comes from Key Vault, never from a file in the repository.
/// </summary>
public sealed class EntraIdOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Staff:EntraId";

    /// <summary>The authentication scheme, also the provider name kept with each linked account.</summary>
    public const string Scheme = "EntraId";

    /// <summary>The directory as people call it.</summary>
    public const string DisplayName = "Microsoft Entra ID";

    /// <summary>The cloud's sign-in address: <c>https://login.microsoftonline.com/</c> unless a national cloud's.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The organisation's tenant id (a GUID): only its people can sign in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret, from Key Vault.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Set when the organisation's Conditional Access requires multi-factor authentication for this app, so that a
    /// sign-in with Entra ID counts as two-factor. Entra's v2.0 ID tokens do not say how someone signed in, so the
    /// platform team states it here; without it (or an <c>amr</c> claim of <c>mfa</c>), where two-factor sign-in is
    /// required, Entra sign-ins are refused rather than taken as one factor.
    /// </summary>
    public bool TenantRequiresMfa { get; set; }

    /// <summary>Whether sign-in with Entra ID is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The tenant's v2.0 authority, whose discovery document names every endpoint.</summary>
    public string Authority => new Uri(Instance, $"{TenantId}/v2.0").ToString();
}
