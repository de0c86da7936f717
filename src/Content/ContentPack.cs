using QualityVoice.Analysis;

namespace QualityVoice.Content;

/// <summary>
/// One ICB's published quality strategy and the lists the portal needs (themes, services, taxonomy, pages),
/// loaded from <c>content/&lt;pack&gt;/</c> and validated at start-up.
/// </summary>
/// <param name="Id">The pack's folder name, such as <c>nenc</c>.</param>
/// <param name="IcbName">The ICB's name, shown in the header.</param>
/// <param name="StrategyTitle">The strategy's title as the ICB publishes it.</param>
/// <param name="Themes">The strategic themes, in the strategy's order.</param>
/// <param name="Pages">The plain pages: about, accessibility statement, privacy notice, contact.</param>
/// <param name="Organisations">The organisations and services people can give feedback about.</param>
/// <param name="Taxonomy">How the experience framework's sub-categories map to the strategic themes and CQC questions.</param>
/// <param name="Updates">"You said, we did" updates, newest first.</param>
public sealed record ContentPack(
    string Id,
    string IcbName,
    string StrategyTitle,
    IReadOnlyList<StrategicTheme> Themes,
    IReadOnlyList<ContentPage> Pages,
    IReadOnlyList<CareOrganisation> Organisations,
    ThemeTaxonomy Taxonomy,
    IReadOnlyList<Update> Updates)
{
    /// <summary>Who the Freedom to Speak Up guardians are and how soon they reply (the speak-up start page).</summary>
    public SpeakUpArrangements SpeakUp { get; init; } = SpeakUpArrangements.Unstated;

    /// <summary>Who lives in the area, to compare with who gives feedback; <see cref="PopulationProfile.None"/> when the pack does not say.</summary>
    public PopulationProfile Population { get; init; } = PopulationProfile.None;

    /// <summary>Finds an update by its slug.</summary>
    public Update? FindUpdate(string slug) =>
        Updates.FirstOrDefault(update => string.Equals(update.Slug, slug, StringComparison.Ordinal));

    /// <summary>Finds a service by its id.</summary>
    public CareService? FindService(string? id) =>
        id is null ? null : Organisations.SelectMany(organisation => organisation.Services).FirstOrDefault(service => service.Id == id);

    /// <summary>The pages every pack must have, because every page's footer links to them.</summary>
    public static readonly IReadOnlyList<string> RequiredPages = ["accessibility-statement", "privacy", "contact"];

    /// <summary>Finds a plain page by its slug.</summary>
    public ContentPage? FindPage(string slug) =>
        Pages.FirstOrDefault(page => string.Equals(page.Slug, slug, StringComparison.Ordinal));

    /// <summary>Finds a theme by its slug.</summary>
    public StrategicTheme? FindTheme(string slug) =>
        Themes.FirstOrDefault(theme => string.Equals(theme.Slug, slug, StringComparison.Ordinal));
}
