using System.Text.RegularExpressions;
using QualityVoice.Analysis;

namespace QualityVoice.Content;

/// <summary>Loads and validates a content pack from its folder.</summary>
public static partial class ContentPackLoader
{
    /// <summary>
    /// Loads <c>&lt;root&gt;/&lt;packId&gt;/</c>. Every problem is a <see cref="ContentPackException"/> naming
    /// the file and line, so that a wrong pack stops start-up with a message an editor can act on.
    /// </summary>
    public static ContentPack Load(string root, string packId)
    {
        if (!PackId().IsMatch(packId))
        {
            throw new ContentPackException(packId, null, "a content pack's name is lower-case letters, digits and dashes.");
        }

        var folder = Path.Combine(root, packId);
        if (!Directory.Exists(folder))
        {
            var known = Directory.Exists(root)
                ? string.Join(", ", Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "none";
            throw new ContentPackException(packId, null, $"there is no content pack '{packId}' in {root} (packs there: {known}).");
        }

        var packFile = Path.Combine(folder, "pack.yml");
        if (!File.Exists(packFile))
        {
            throw new ContentPackException(Path.GetRelativePath(root, packFile), null, "the pack has no pack.yml.");
        }

        var meta = FrontMatterFile.ReadYaml<PackYaml>(root, packFile);
        Require(root, packFile, meta.Icb, "icb");
        Require(root, packFile, meta.Strategy, "strategy");

        var themes = LoadThemes(root, folder);
        return new ContentPack(
            packId, meta.Icb!, meta.Strategy!, themes, LoadPages(root, folder), LoadServices(root, folder), LoadTaxonomy(root, folder, themes),
            LoadUpdates(root, folder, themes))
        {
            SpeakUp = SpeakUp(root, packFile, meta.SpeakUp),
            Population = LoadPopulation(root, folder),
        };
    }

    private static PopulationProfile LoadPopulation(string root, string folder)
    {
        var file = Path.Combine(folder, "population.yml");
        if (!File.Exists(file))
        {
            return PopulationProfile.None;
        }

        var yaml = FrontMatterFile.ReadYaml<PopulationYaml>(root, file);
        return PopulationProfile.TryCreate(yaml.Source, yaml.Groups.Select(group => new PopulationGroupDescription(group.Name, group.Question, group.Answers, group.Percent)), out var profile, out var problem)
            ? profile
            : throw new ContentPackException(Path.GetRelativePath(root, file), null, problem);
    }

    private static SpeakUpArrangements SpeakUp(string root, string packFile, SpeakUpYaml? yaml)
    {
        if (yaml is null)
        {
            return SpeakUpArrangements.Unstated;
        }

        if (yaml.RepliesWithinWorkingDays is < 1 or > SpeakUpArrangements.LongestReply)
        {
            throw new ContentPackException(
                Path.GetRelativePath(root, packFile), null, $"speak-up: replies-within-working-days is a number of working days from 1 to {SpeakUpArrangements.LongestReply} (it is {yaml.RepliesWithinWorkingDays}).");
        }

        var guardians = yaml.Guardians.Select(guardian =>
        {
            Require(root, packFile, guardian.Name, "name (of a speak-up guardian)");
            Require(root, packFile, guardian.Organisation, $"organisation (of the speak-up guardian {guardian.Name})");
            return new SpeakUpGuardian(guardian.Name!.Trim(), guardian.Organisation!.Trim());
        }).ToArray();
        return new SpeakUpArrangements(guardians, yaml.RepliesWithinWorkingDays);
    }

    private static List<StrategicTheme> LoadThemes(string root, string folder)
    {
        var themesFolder = Path.Combine(folder, "themes");
        var files = Directory.Exists(themesFolder)
            ? Directory.GetFiles(themesFolder, "*.md").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            throw new ContentPackException(Path.GetRelativePath(root, themesFolder), null, "the pack has no strategic themes (themes/*.md).");
        }

        var themes = new List<StrategicTheme>();
        foreach (var file in files)
        {
            var (meta, _, markdown) = FrontMatterFile.Read<ThemeYaml>(root, file);
            Require(root, file, meta.Title, "title");
            Require(root, file, meta.Summary, "summary");
            var (body, sections) = ThemeSections.Split(markdown);
            themes.Add(new StrategicTheme(Path.GetFileNameWithoutExtension(file), meta.Title!, meta.Order, meta.Summary!, MarkdownRenderer.ToHtml(body), sections));
        }

        return themes.OrderBy(theme => theme.Order).ThenBy(theme => theme.Title, StringComparer.Ordinal).ToList();
    }

    private static List<Update> LoadUpdates(string root, string folder, IReadOnlyList<StrategicTheme> themes)
    {
        var updatesFolder = Path.Combine(folder, "updates");
        var updates = new List<Update>();
        if (!Directory.Exists(updatesFolder))
        {
            return updates;
        }

        foreach (var file in Directory.GetFiles(updatesFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            var (meta, html, _) = FrontMatterFile.Read<UpdateYaml>(root, file);
            Require(root, file, meta.Title, "title");
            Require(root, file, meta.YouSaid, "you-said");
            var slug = Path.GetFileNameWithoutExtension(file);
            if (!PackId().IsMatch(slug))
            {
                throw new ContentPackException(relative, null, "an update's file name is lower-case letters, digits and dashes.");
            }

            if (meta.Theme is null || themes.All(theme => theme.Slug != meta.Theme))
            {
                throw new ContentPackException(relative, null, $"the theme '{meta.Theme}' is not one of themes/: {string.Join(", ", themes.Select(theme => theme.Slug))}.");
            }

            var status = UpdateStatuses.Parse(meta.Status)
                ?? throw new ContentPackException(relative, null, $"the status '{meta.Status}' is not planned, in-progress or done.");
            if (!DateOnly.TryParseExact(meta.Published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published))
            {
                throw new ContentPackException(relative, null, $"published must be a date written like 2026-11-22 (it is '{meta.Published}').");
            }

            var milestones = meta.Milestones.Select(milestone =>
            {
                Require(root, file, milestone.Text, "text (of a milestone)");
                var milestoneStatus = UpdateStatuses.Parse(milestone.Status)
                    ?? throw new ContentPackException(relative, null, $"the milestone '{milestone.Text}' has the status '{milestone.Status}', not planned, in-progress or done.");
                DateOnly? date = null;
                if (milestone.Date is not null)
                {
                    date = DateOnly.TryParseExact(milestone.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                        ? parsed
                        : throw new ContentPackException(relative, null, $"the milestone '{milestone.Text}' has the date '{milestone.Date}': write it like 2026-11-22.");
                }

                return new Milestone(milestone.Text!, milestoneStatus, date);
            }).ToArray();
            updates.Add(new Update(slug, meta.Title!, meta.Theme, status, published, meta.YouSaid!, html, milestones, meta.Source));
        }

        return updates.OrderByDescending(update => update.Published).ThenBy(update => update.Title, StringComparer.Ordinal).ToList();
    }

    private static List<ContentPage> LoadPages(string root, string folder)
    {
        var pagesFolder = Path.Combine(folder, "pages");
        var pages = new List<ContentPage>();
        if (Directory.Exists(pagesFolder))
        {
            foreach (var file in Directory.GetFiles(pagesFolder, "*.md").Order(StringComparer.Ordinal))
            {
                var (meta, html, _) = FrontMatterFile.Read<PageYaml>(root, file);
                Require(root, file, meta.Title, "title");
                var slug = Path.GetFileNameWithoutExtension(file);
                if (!PackId().IsMatch(slug))
                {
                    throw new ContentPackException(Path.GetRelativePath(root, file), null, "a page's file name is lower-case letters, digits and dashes.");
                }

                pages.Add(new ContentPage(slug, meta.Title!, html));
            }
        }

        foreach (var required in ContentPack.RequiredPages)
        {
            if (!pages.Any(page => page.Slug == required))
            {
                throw new ContentPackException(Path.GetRelativePath(root, Path.Combine(pagesFolder, required + ".md")), null, "this page is required: every page's footer links to it.");
            }
        }

        return pages;
    }

    private static List<CareOrganisation> LoadServices(string root, string folder)
    {
        var file = Path.Combine(folder, "services.yml");
        if (!File.Exists(file))
        {
            throw new ContentPackException(Path.GetRelativePath(root, file), null, "the pack has no services list: the feedback form needs one.");
        }

        var yaml = FrontMatterFile.ReadYaml<ServicesYaml>(root, file);
        var organisations = new List<CareOrganisation>();
        var ids = new HashSet<string>(StringComparer.Ordinal) { "other" };
        foreach (var organisation in yaml.Organisations)
        {
            Require(root, file, organisation.Name, "name (of an organisation)");
            var services = new List<CareService>();
            foreach (var service in organisation.Services)
            {
                Require(root, file, service.Name, $"name (of a service of {organisation.Name})");
                if (service.Id is null || !PackId().IsMatch(service.Id) || !ids.Add(service.Id))
                {
                    throw new ContentPackException(
                        Path.GetRelativePath(root, file), null,
                        $"the service '{service.Name}' of {organisation.Name} needs an id of its own: lower-case letters, digits and dashes, not 'other'.");
                }

                services.Add(new CareService(service.Id, service.Name!, organisation.Name!) { England = England(root, file, service) });
            }

            if (services.Count == 0)
            {
                throw new ContentPackException(Path.GetRelativePath(root, file), null, $"{organisation.Name} has no services.");
            }

            organisations.Add(new CareOrganisation(organisation.Id ?? organisation.Name!, organisation.Name!, organisation.Ods, services));
        }

        if (organisations.Count == 0)
        {
            throw new ContentPackException(Path.GetRelativePath(root, file), null, "the services list is empty.");
        }

        return organisations;
    }

    private static EnglandFft? England(string root, string file, ServiceYaml service)
    {
        if (service.England is not { } england)
        {
            return null;
        }

        return EnglandFft.TryCreate(england.Setting, england.Month, england.Positive, out var comparison)
            ? comparison
            : throw new ContentPackException(
                Path.GetRelativePath(root, file), null,
                $"the England comparison of the service '{service.Name}' needs a setting, a month written like 2026-09 and positive, the percentage from 0 to 100 who said good or very good.");
    }

    private static ThemeTaxonomy LoadTaxonomy(string root, string folder, IReadOnlyList<StrategicTheme> themes)
    {
        var file = Path.Combine(folder, "taxonomy.yml");
        var relative = Path.GetRelativePath(root, file);
        if (!File.Exists(file))
        {
            throw new ContentPackException(relative, null, "the pack has no taxonomy: it maps the experience framework's sub-categories to the strategic themes.");
        }

        var yaml = FrontMatterFile.ReadYaml<TaxonomyYaml>(root, file);
        var slugs = themes.Select(theme => theme.Slug).ToHashSet(StringComparer.Ordinal);
        var mappings = new List<ThemeMapping>();
        foreach (var category in yaml.Categories)
        {
            Require(root, file, category.Name, "name (of a category)");
            foreach (var sub in category.SubCategories)
            {
                Require(root, file, sub.Name, $"name (of a sub-category of {category.Name})");
                if (sub.StrategicTheme is null || !slugs.Contains(sub.StrategicTheme))
                {
                    throw new ContentPackException(relative, null, $"'{sub.Name}' maps to the strategic theme '{sub.StrategicTheme}', which is not one of themes/: {string.Join(", ", slugs)}.");
                }

                var unknown = sub.Cqc.FirstOrDefault(question => !ThemeTaxonomy.CqcKeyQuestions.Contains(question));
                if (unknown is not null)
                {
                    throw new ContentPackException(relative, null, $"'{sub.Name}' names the CQC key question '{unknown}'; they are {string.Join(", ", ThemeTaxonomy.CqcKeyQuestions)}.");
                }

                if (mappings.Any(mapping => mapping.SubCategory == sub.Name))
                {
                    throw new ContentPackException(relative, null, $"'{sub.Name}' is mapped twice.");
                }

                mappings.Add(new ThemeMapping(sub.Name!, category.Name!, sub.StrategicTheme, sub.Cqc));
            }
        }

        return new ThemeTaxonomy(mappings);
    }

    private static void Require(string root, string file, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ContentPackException(Path.GetRelativePath(root, file), null, $"'{key}' is required.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex PackId();

    private sealed class PackYaml
    {
        public string? Icb { get; set; }

        public string? Strategy { get; set; }

        public SpeakUpYaml? SpeakUp { get; set; }
    }

    private sealed class PopulationYaml
    {
        public string? Source { get; set; }

        public List<PopulationGroupYaml> Groups { get; set; } = [];
    }

    private sealed class PopulationGroupYaml
    {
        public string? Name { get; set; }

        public string? Question { get; set; }

        public List<string> Answers { get; set; } = [];

        public double? Percent { get; set; }
    }

    private sealed class SpeakUpYaml
    {
        public int? RepliesWithinWorkingDays { get; set; }

        public List<GuardianYaml> Guardians { get; set; } = [];
    }

    private sealed class GuardianYaml
    {
        public string? Name { get; set; }

        public string? Organisation { get; set; }
    }

    private sealed class TaxonomyYaml
    {
        public List<CategoryYaml> Categories { get; set; } = [];
    }

    private sealed class CategoryYaml
    {
        public string? Name { get; set; }

        public List<SubCategoryYaml> SubCategories { get; set; } = [];
    }

    private sealed class SubCategoryYaml
    {
        public string? Name { get; set; }

        public string? StrategicTheme { get; set; }

        public List<string> Cqc { get; set; } = [];
    }

    private sealed class ServicesYaml
    {
        public List<OrganisationYaml> Organisations { get; set; } = [];
    }

    private sealed class OrganisationYaml
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Ods { get; set; }

        public List<ServiceYaml> Services { get; set; } = [];
    }

    private sealed class ServiceYaml
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public EnglandYaml? England { get; set; }
    }

    private sealed class EnglandYaml
    {
        public string? Setting { get; set; }

        public string? Month { get; set; }

        public double? Positive { get; set; }
    }

    private sealed class UpdateYaml
    {
        public string? Title { get; set; }

        public string? Theme { get; set; }

        public string? Status { get; set; }

        public string? Published { get; set; }

        public string? YouSaid { get; set; }

        public string? Source { get; set; }

        public List<MilestoneYaml> Milestones { get; set; } = [];
    }

    private sealed class MilestoneYaml
    {
        public string? Text { get; set; }

        public string? Status { get; set; }

        public string? Date { get; set; }
    }

    private sealed class PageYaml
    {
        public string? Title { get; set; }
    }

    private sealed class ThemeYaml
    {
        public string? Title { get; set; }

        public int Order { get; set; }

        public string? Summary { get; set; }
    }
}
