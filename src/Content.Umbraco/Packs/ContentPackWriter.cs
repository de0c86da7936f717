using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace QualityVoice.Content.Umbraco.Packs;

/// <summary>
/// Writes content as a Markdown content pack (<c>content/&lt;pack&gt;/</c>, as docs and <see cref="ContentPackLoader"/>
/// read it): pack.yml (with the speak-up arrangements), themes with their sections, pages and services; the taxonomy is copied from a pack that has one.
/// "You said, we did" updates are not written: they live in QualityVoice.
/// </summary>
public static class ContentPackWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Writes <paramref name="pack"/> into <paramref name="folder"/> (created; files there are replaced).</summary>
    public static void Write(ContentPack pack, string folder, string taxonomyFile)
    {
        Directory.CreateDirectory(Path.Combine(folder, "themes"));
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        var speakUp = !pack.SpeakUp.IsStated
            ? null
            : new
            {
                repliesWithinWorkingDays = pack.SpeakUp.RepliesWithinWorkingDays,
                guardians = pack.SpeakUp.Guardians.Select(guardian => new { name = guardian.Name, organisation = guardian.Organisation }).ToArray(),
            };
        File.WriteAllText(Path.Combine(folder, "pack.yml"), Yaml.Serialize(new { icb = pack.IcbName, strategy = pack.StrategyTitle, speakUp }));
        foreach (var theme in pack.Themes)
        {
            var text = new StringBuilder(FrontMatter(new { title = theme.Title, order = theme.Order, summary = theme.Summary }));
            if (theme.BodyHtml.Length > 0)
            {
                text.Append(HtmlMarkdown.From(theme.BodyHtml, topHeading: 3)).Append('\n');
            }

            Section(text, ThemeSections.Headings[0], Bullets(theme.Sections.IStatementList));
            Section(text, ThemeSections.Headings[1], Bullets(theme.Sections.WeStatementList));
            Section(text, ThemeSections.Headings[2], theme.Sections.Foundations is { } foundations ? HtmlMarkdown.From(foundations, topHeading: 3) : null);
            Section(text, ThemeSections.Headings[3], Bullets(theme.Sections.PriorityList));
            Section(text, ThemeSections.Headings[4], theme.Sections.EasyRead is { } easyRead ? HtmlMarkdown.From(easyRead, topHeading: 3) : null);
            File.WriteAllText(Path.Combine(folder, "themes", theme.Slug + ".md"), text.ToString().TrimEnd() + "\n");
        }

        foreach (var page in pack.Pages)
        {
            File.WriteAllText(Path.Combine(folder, "pages", page.Slug + ".md"), FrontMatter(new { title = page.Title }) + HtmlMarkdown.From(page.BodyHtml));
        }

        File.WriteAllText(Path.Combine(folder, "services.yml"), Yaml.Serialize(new
        {
            organisations = pack.Organisations.Select(organisation => new
            {
                id = organisation.Id,
                name = organisation.Name,
                ods = organisation.OdsCode,
                services = organisation.Services.Select(service => new
                {
                    id = service.Id,
                    name = service.Name,
                    england = service.England is { } england ? new { setting = england.Setting, month = england.Month, positive = england.PercentPositive } : null,
                }).ToArray(),
            }).ToArray(),
        }));
        if (pack.Population.Groups.Count > 0)
        {
            File.WriteAllText(Path.Combine(folder, "population.yml"), Yaml.Serialize(new
            {
                source = pack.Population.Source,
                groups = pack.Population.Groups.Select(group => new { name = group.Name, question = group.Question, answers = group.Answers, percent = group.Percent }).ToArray(),
            }));
        }
        File.Copy(taxonomyFile, Path.Combine(folder, "taxonomy.yml"), overwrite: true);
    }

    private static string FrontMatter(object values) => "---\n" + Yaml.Serialize(values) + "---\n";

    private static string? Bullets(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : string.Concat(items.Select(item => $"- {item}\n"));

    private static void Section(StringBuilder text, string heading, string? markdown)
    {
        if (markdown is not null)
        {
            text.Append("## ").Append(heading).Append("\n\n").Append(markdown.TrimEnd()).Append("\n\n");
        }
    }
}
