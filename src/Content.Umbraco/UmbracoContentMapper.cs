using System.Net;
using System.Text.Json;
using Ganss.Xss;
using QualityVoice.Analysis;
using QualityVoice.Content.Umbraco.DeliveryApi;

namespace QualityVoice.Content.Umbraco;

/// <summary>
/// Turns the strategy's items from the Delivery API into the portal's <see cref="ContentPack"/>, checking them as the
/// Markdown loader checks a pack. The document types and property aliases are those docs/umbraco.md sets out; rich
/// text is sanitised before it is shown, as Markdown is rendered without raw HTML.
/// </summary>
public static class UmbracoContentMapper
{
    /// <summary>The document type aliases QualityVoice reads (docs/umbraco.md).</summary>
    public static class DocumentTypes
    {
        /// <summary>The strategy's root: the ICB's name and the strategy's title.</summary>
        public const string Strategy = "qvStrategy";

        /// <summary>A strategic theme, below the root.</summary>
        public const string Theme = "qvStrategicTheme";

        /// <summary>An I statement, below its theme.</summary>
        public const string IStatement = "qvIStatement";

        /// <summary>A We statement, below its theme.</summary>
        public const string WeStatement = "qvWeStatement";

        /// <summary>A quality priority with its status, below its theme.</summary>
        public const string QualityPriority = "qvQualityPriority";

        /// <summary>A plain page (accessibility statement, privacy notice, contact).</summary>
        public const string Page = "qvContentPage";

        /// <summary>An organisation that provides care, with its services below it.</summary>
        public const string Organisation = "qvOrganisation";

        /// <summary>A service people can give feedback about.</summary>
        public const string Service = "qvService";

        /// <summary>A Freedom to Speak Up guardian named on the speak-up start page, below the root.</summary>
        public const string Guardian = "qvSpeakUpGuardian";

        /// <summary>A group of the area's population, below the root ("whose voices are missing").</summary>
        public const string PopulationGroup = "qvPopulationGroup";
    }

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Maps <paramref name="root"/> and everything below it to a pack whose taxonomy (the analyzer's categories, which
    /// stay with QualityVoice) is <paramref name="taxonomy"/>; throws <see cref="UmbracoContentException"/> naming the
    /// item when something a page needs is missing.
    /// </summary>
    public static ContentPack Map(string packId, DeliveryItem root, IReadOnlyList<DeliveryItem> descendants, ThemeTaxonomy taxonomy)
    {
        if (root.ContentType != DocumentTypes.Strategy)
        {
            throw new UmbracoContentException(root, $"the start item is a '{root.ContentType}', not a '{DocumentTypes.Strategy}'.");
        }

        var children = descendants.ToLookup(item => Parent(item.Route.Path));
        var themes = children["/"].Where(item => item.ContentType == DocumentTypes.Theme)
            .Select((item, index) => Theme(item, index + 1, children[item.Route.Path].ToArray()))
            .ToList();
        if (themes.Count == 0)
        {
            throw new UmbracoContentException(root, $"it has no strategic themes ('{DocumentTypes.Theme}' items below it).");
        }

        var missing = taxonomy.Mappings.Select(mapping => mapping.StrategicTheme).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(slug => themes.All(theme => theme.Slug != slug));
        if (missing is not null)
        {
            throw new UmbracoContentException(root, $"the taxonomy maps feedback to the theme '{missing}', which has no '{DocumentTypes.Theme}' item with that URL name (themes: {string.Join(", ", themes.Select(theme => theme.Slug))}).");
        }

        var pages = descendants.Where(item => item.ContentType == DocumentTypes.Page)
            .Select(item => new ContentPage(Slug(item), Name(item), RichText(item, "body") ?? string.Empty))
            .ToList();
        foreach (var required in ContentPack.RequiredPages)
        {
            if (pages.All(page => page.Slug != required))
            {
                throw new UmbracoContentException(root, $"it has no '{DocumentTypes.Page}' with the URL name '{required}': every page's footer links to it.");
            }
        }

        return new ContentPack(
            packId,
            Text(root, "icbName") ?? throw new UmbracoContentException(root, "'icbName' is required."),
            Text(root, "strategyTitle") ?? throw new UmbracoContentException(root, "'strategyTitle' is required."),
            themes,
            pages,
            Organisations(descendants, children),
            taxonomy,
            [])
        {
            SpeakUp = SpeakUp(root, children["/"]),
            Population = Population(root, children["/"]),
        };
    }

    /// <summary>Rich text from Umbraco, sanitised: no scripts, styles or event handlers; links only to web, e-mail and phone addresses.</summary>
    public static string Sanitise(string markup) => Sanitizer.Sanitize(markup);

    private static StrategicTheme Theme(DeliveryItem item, int order, DeliveryItem[] below)
    {
        string[] Statements(string type, string alias) => below.Where(child => child.ContentType == type)
            .Select(child => Text(child, alias) ?? Name(child))
            .ToArray();

        var iStatements = Statements(DocumentTypes.IStatement, "statement");
        var weStatements = Statements(DocumentTypes.WeStatement, "statement");
        var priorities = below.Where(child => child.ContentType == DocumentTypes.QualityPriority)
            .Select(child => (Text: Text(child, "priority") ?? Name(child), Status: Status(child)))
            .ToArray();
        var sections = new ThemeSections(
            List(iStatements),
            List(weStatements),
            RichText(item, "foundations"),
            priorities.Length == 0
                ? null
                : "<ul>" + string.Concat(priorities.Select(priority => $"<li>{WebUtility.HtmlEncode(priority.Text)} ({UpdateStatuses.Text(priority.Status).ToLowerInvariant()})</li>")) + "</ul>",
            RichText(item, "easyRead"))
        {
            IStatementList = iStatements,
            WeStatementList = weStatements,
            PriorityList = priorities.Select(priority => priority.Text).ToArray(),
        };
        return new StrategicTheme(
            Slug(item),
            Name(item),
            order,
            Text(item, "summary") ?? throw new UmbracoContentException(item, "'summary' is required."),
            RichText(item, "body") ?? string.Empty,
            sections);
    }

    private static List<CareOrganisation> Organisations(IReadOnlyList<DeliveryItem> descendants, ILookup<string, DeliveryItem> children)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { "other" };
        var organisations = new List<CareOrganisation>();
        foreach (var item in descendants.Where(item => item.ContentType == DocumentTypes.Organisation))
        {
            var services = new List<CareService>();
            foreach (var service in children[item.Route.Path].Where(child => child.ContentType == DocumentTypes.Service))
            {
                var id = Text(service, "serviceId");
                if (id is null || !UrlName(id, longest: 40) || !ids.Add(id))
                {
                    throw new UmbracoContentException(service, "'serviceId' must be its own: lower-case letters, digits and dashes, not 'other' (feedback keeps it, so never change it).");
                }

                services.Add(new CareService(id, Name(service), Name(item)) { England = England(service) });
            }

            if (services.Count == 0)
            {
                throw new UmbracoContentException(item, $"it has no services ('{DocumentTypes.Service}' items below it).");
            }

            organisations.Add(new CareOrganisation(Slug(item), Name(item), Text(item, "odsCode"), services));
        }

        return organisations.Count > 0
            ? organisations
            : throw new UmbracoContentException(descendants.Count > 0 ? descendants[0] : null, $"there are no organisations ('{DocumentTypes.Organisation}' items): the feedback form needs their services.");
    }

    private static string? List(string[] items) =>
        items.Length == 0 ? null : "<ul>" + string.Concat(items.Select(item => $"<li>{WebUtility.HtmlEncode(item)}</li>")) + "</ul>";

    private static UpdateStatus Status(DeliveryItem item)
    {
        var value = item.Property("status");
        var word = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
        return UpdateStatuses.Parse(word?.Trim().ToLowerInvariant().Replace(' ', '-'))
            ?? throw new UmbracoContentException(item, $"'status' is '{word}'; it is one of planned, in-progress, done.");
    }

    private static SpeakUpArrangements SpeakUp(DeliveryItem root, IEnumerable<DeliveryItem> belowRoot)
    {
        var days = root.Property("speakUpRepliesWithinWorkingDays");
        int? replies = days.ValueKind switch
        {
            JsonValueKind.Number when days.TryGetInt32(out var number) && number is >= 1 and <= SpeakUpArrangements.LongestReply => number,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new UmbracoContentException(root, $"'speakUpRepliesWithinWorkingDays' is a number of working days from 1 to {SpeakUpArrangements.LongestReply}."),
        };
        var guardians = belowRoot.Where(item => item.ContentType == DocumentTypes.Guardian)
            .Select(item => new SpeakUpGuardian(Name(item), Text(item, "organisation") ?? throw new UmbracoContentException(item, "'organisation' is required.")))
            .ToArray();
        return new SpeakUpArrangements(guardians, replies);
    }

    private static PopulationProfile Population(DeliveryItem root, IEnumerable<DeliveryItem> belowRoot)
    {
        var groups = belowRoot.Where(item => item.ContentType == DocumentTypes.PopulationGroup).ToArray();
        if (groups.Length == 0)
        {
            return PopulationProfile.None;
        }

        var described = groups.Select(item => new PopulationGroupDescription(Name(item), Text(item, "question"), Words(item, "answers"), Number(item, "percent")));
        return PopulationProfile.TryCreate(Text(root, "populationSource"), described, out var profile, out var problem)
            ? profile
            : throw new UmbracoContentException(root, $"its population groups do not hold together: {problem} (population groups are '{DocumentTypes.PopulationGroup}' items below it; 'populationSource' on it).");
    }

    private static EnglandFft? England(DeliveryItem service)
    {
        var (setting, month, positive) = (Text(service, "englandSetting"), Text(service, "englandMonth"), Number(service, "englandPositive"));
        if (setting is null && month is null && positive is null)
        {
            return null;
        }

        return EnglandFft.TryCreate(setting, month, positive, out var england)
            ? england
            : throw new UmbracoContentException(service, "the England comparison needs all three of 'englandSetting', 'englandMonth' (written like 2026-09) and 'englandPositive' (the percentage from 0 to 100 who said good or very good).");
    }

    /// <summary>A list of words: a tags or checkbox list property, or text with the words between commas.</summary>
    private static string[] Words(DeliveryItem item, string alias)
    {
        var value = item.Property(alias);
        var words = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(word => word.ValueKind == JsonValueKind.String).Select(word => word.GetString()!),
            JsonValueKind.String => value.GetString()!.Split(','),
            _ => [],
        };
        return [.. words.Select(word => word.Trim()).Where(word => word.Length > 0)];
    }

    private static double? Number(DeliveryItem item, string alias)
    {
        var value = item.Property(alias);
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static string? Text(DeliveryItem item, string alias)
    {
        var value = item.Property(alias);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }

    private static string? RichText(DeliveryItem item, string alias)
    {
        var value = item.Property(alias);
        var markup = value.ValueKind switch
        {
            JsonValueKind.Object when value.TryGetProperty("markup", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(markup) ? null : Sanitise(markup);
    }

    private static string Name(DeliveryItem item) =>
        string.IsNullOrWhiteSpace(item.Name) ? throw new UmbracoContentException(item, "it has no name.") : item.Name.Trim();

    private static string Slug(DeliveryItem item)
    {
        var slug = item.Route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return slug is not null && UrlName(slug)
            ? slug
            : throw new UmbracoContentException(item, $"its URL name '{slug}' is not lower-case letters, digits and dashes.");
    }

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var last = trimmed.LastIndexOf('/');
        return last <= 0 ? "/" : trimmed[..(last + 1)];
    }

    private static bool UrlName(string value, int longest = 100) =>
        value.Length > 0 && value.Length <= longest && LowerOrDigit(value[0]) && value.All(c => LowerOrDigit(c) || c == '-');

    private static bool LowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }
}

/// <summary>An item from Umbraco lacks something a page needs; the message names the item so that an editor can find it.</summary>
public sealed class UmbracoContentException : Exception
{
    /// <summary>Names <paramref name="item"/> (its name and path) and the problem.</summary>
    public UmbracoContentException(DeliveryItem? item, string problem)
        : base(item is null ? $"Umbraco content: {problem}" : $"Umbraco content '{item.Name}' ({item.Route.Path}, {item.ContentType}): {problem}")
    {
    }

    /// <summary>Says what is wrong.</summary>
    public UmbracoContentException(string message)
        : base(message)
    {
    }

    /// <summary>Says what is wrong and why.</summary>
    public UmbracoContentException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Says that something is wrong.</summary>
    public UmbracoContentException()
    {
    }
}
