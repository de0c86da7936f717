namespace QualityVoice.Web.Layout;

/// <summary>
/// What the shared NHS.UK layout shows around each page of an app: the header's names, the navigation, and
/// whether the account links (signed-in user, sign out) appear.
/// </summary>
public sealed class SiteChrome
{
    /// <summary>The service's name in the header.</summary>
    public const string ServiceName = "QualityVoice";

    /// <summary>The organisation name in the header: the ICB's name from the content pack.</summary>
    public required string OrganisationName { get; init; }

    /// <summary>Which app this is, for page titles: "Portal" pages need no suffix; the back office says so.</summary>
    public string? AppName { get; init; }

    /// <summary>
    /// What a search engine shows under a page's title (<c>meta name="description"</c>) when the page gives none of its
    /// own in <c>ViewData["Description"]</c>; none for staff pages, which are not indexed.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether pages use the whole width of the screen (the back office's tables) rather than the reading width of
    /// the NHS.UK frontend's container (the portal).
    /// </summary>
    public bool FullWidth { get; init; }

    /// <summary>The header's navigation links.</summary>
    public IReadOnlyList<NavigationLink> Navigation { get; init; } = [];

    /// <summary>The footer's links.</summary>
    public IReadOnlyList<NavigationLink> FooterLinks { get; init; } = [];

    /// <summary>Whether to show who is signed in and a sign-out button (the back office).</summary>
    public bool ShowAccount { get; init; }

    /// <summary>The path of the sign-out form's action.</summary>
    public string SignOutPath { get; init; } = "/account/sign-out";
}
