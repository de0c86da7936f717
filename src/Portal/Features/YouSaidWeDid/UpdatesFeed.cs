using QualityVoice.Portal.Caching;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using QualityVoice.Content;

namespace QualityVoice.Portal.Features.YouSaidWeDid;

/// <summary><c>/you-said-we-did/feed.atom</c>: the updates as an Atom feed (RFC 4287), newest first.</summary>
internal static class UpdatesFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapUpdatesFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/you-said-we-did/feed.atom", async (HttpContext context, ContentPack pack, YouSaidWeDidUpdates updates) =>
        {
            var site = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(Write(pack, await updates.AllAsync(context.RequestAborted), site), "application/atom+xml", Encoding.UTF8);
        }).CacheOutput(policy => policy.PublicPage().Tag(PublicPageCache.Updates));
        return app;
    }

    /// <summary>The feed's XML for <paramref name="updates"/> (newest first), with addresses under <paramref name="site"/>.</summary>
    public static string Write(ContentPack pack, IReadOnlyList<Update> updates, string site)
    {
        static string Time(DateOnly day) => XmlConvert.ToString(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), XmlDateTimeSerializationMode.Utc);
        var updated = updates.Count == 0 ? new DateOnly(2024, 1, 1) : updates.Max(update => update.Updated ?? update.Published);
        var feed = new XElement(
            Atom + "feed",
            new XElement(Atom + "id", $"{site}/you-said-we-did"),
            new XElement(Atom + "title", $"{pack.IcbName}: you said, we did"),
            new XElement(Atom + "subtitle", "What people told us, and what we changed because of it."),
            new XElement(Atom + "updated", Time(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/you-said-we-did/feed.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/you-said-we-did")),
            new XElement(Atom + "author", new XElement(Atom + "name", pack.IcbName)),
            updates.Select(update => new XElement(
                Atom + "entry",
                new XElement(Atom + "id", $"{site}/you-said-we-did/{update.Slug}"),
                new XElement(Atom + "title", update.Title),
                new XElement(Atom + "published", Time(update.Published)),
                new XElement(Atom + "updated", Time(update.Updated ?? update.Published)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/you-said-we-did/{update.Slug}")),
                new XElement(Atom + "category", new XAttribute("term", update.Theme), new XAttribute("label", pack.FindTheme(update.Theme)?.Title ?? update.Theme)),
                new XElement(Atom + "summary", $"You said: {update.YouSaid} Status: {UpdateStatuses.Text(update.Status)}."),
                new XElement(Atom + "content", new XAttribute("type", "html"), update.BodyHtml))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
    }
}
