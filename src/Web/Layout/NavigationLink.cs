namespace QualityVoice.Web.Layout;

/// <summary>A link in the header or footer, shown only to people in one of <paramref name="Roles"/> when any are given.</summary>
/// <param name="Text">The link text.</param>
/// <param name="Href">Where it goes.</param>
/// <param name="Roles">Roles that see it; empty means everyone.</param>
public sealed record NavigationLink(string Text, string Href, params string[] Roles);
