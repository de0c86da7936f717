using System.Text.Json.Serialization;
using Types = QualityVoice.Content.Umbraco.UmbracoContentMapper.DocumentTypes;

namespace QualityVoice.Content.Umbraco;

/// <summary>
/// One content item to create in Umbraco: the document type, name, route path (its URL segments below the strategy's
/// root) and properties, in the Delivery API's shapes (rich text as <c>{markup, blocks}</c>).
/// </summary>
/// <param name="Key">The item's key, so that an import keeps the same ids every time.</param>
/// <param name="Name">Its name in the content tree.</param>
/// <param name="ContentType">Its document type's alias (docs/umbraco.md).</param>
/// <param name="Path">Its path below the root (<c>/</c> for the root itself).</param>
/// <param name="Properties">Its properties by alias.</param>
public sealed record UmbracoNode(
    Guid Key,
    string Name,
    string ContentType,
    string Path,
    [property: JsonPropertyOrder(10)] Dictionary<string, object?> Properties);

/// <summary>A content pack as the items an Umbraco site holds in the document types QualityVoice reads.</summary>
public static class UmbracoExport
{
    /// <summary>
    /// The root (<c>qvStrategy</c>) first, then each theme with its I and We statements and quality priorities
    /// (status <c>planned</c>: the pack does not say), the pages, the organisations with their services (and England's
    /// FFT result where the pack quotes one), the Freedom to Speak Up guardians and the population groups.
    /// Keys are derived from the pack's names and paths, so exporting the same pack twice gives the same keys.
    /// </summary>
    public static List<UmbracoNode> NodesOf(ContentPack pack)
    {
        var nodes = new List<UmbracoNode>
        {
            Node(pack, "Quality strategy", Types.Strategy, "/", new()
            {
                ["icbName"] = pack.IcbName,
                ["strategyTitle"] = pack.StrategyTitle,
                ["speakUpRepliesWithinWorkingDays"] = pack.SpeakUp.RepliesWithinWorkingDays,
                ["populationSource"] = pack.Population.Groups.Count == 0 ? null : pack.Population.Source,
            }),
        };
        foreach (var theme in pack.Themes)
        {
            var path = $"/{theme.Slug}/";
            nodes.Add(Node(pack, theme.Title, Types.Theme, path, new()
            {
                ["summary"] = theme.Summary,
                ["body"] = RichText(theme.BodyHtml),
                ["foundations"] = RichText(theme.Sections.Foundations),
                ["easyRead"] = RichText(theme.Sections.EasyRead),
            }));
            nodes.AddRange(theme.Sections.IStatementList.Select((statement, index) =>
                Node(pack, $"I statement {index + 1}", Types.IStatement, $"{path}i-{index + 1}/", new() { ["statement"] = statement })));
            nodes.AddRange(theme.Sections.WeStatementList.Select((statement, index) =>
                Node(pack, $"We statement {index + 1}", Types.WeStatement, $"{path}we-{index + 1}/", new() { ["statement"] = statement })));
            nodes.AddRange(theme.Sections.PriorityList.Select((priority, index) =>
                Node(pack, $"Priority {index + 1}", Types.QualityPriority, $"{path}priority-{index + 1}/", new() { ["priority"] = priority, ["status"] = "planned" })));
        }

        nodes.AddRange(pack.Pages.Select(page => Node(pack, page.Title, Types.Page, $"/{page.Slug}/", new() { ["body"] = RichText(page.BodyHtml) })));
        foreach (var organisation in pack.Organisations)
        {
            var path = $"/{organisation.Id}/";
            nodes.Add(Node(pack, organisation.Name, Types.Organisation, path, new() { ["odsCode"] = organisation.OdsCode }));
            nodes.AddRange(organisation.Services.Select(service =>
                Node(pack, service.Name, Types.Service, $"{path}{service.Id}/", new()
                {
                    ["serviceId"] = service.Id,
                    ["englandSetting"] = service.England?.Setting,
                    ["englandMonth"] = service.England?.Month,
                    ["englandPositive"] = service.England?.PercentPositive,
                })));
        }

        nodes.AddRange(pack.SpeakUp.Guardians.Select((guardian, index) =>
            Node(pack, guardian.Name, Types.Guardian, $"/guardian-{index + 1}/", new() { ["organisation"] = guardian.Organisation })));
        nodes.AddRange(pack.Population.Groups.Select((group, index) =>
            Node(pack, group.Name, Types.PopulationGroup, $"/population-{index + 1}/", new() { ["question"] = group.Question, ["answers"] = group.Answers, ["percent"] = group.Percent })));
        return nodes;
    }

    private static UmbracoNode Node(ContentPack pack, string name, string type, string path, Dictionary<string, object?> properties) =>
        new(KeyOf(pack.Id + path), name, type, path, properties);

    private static Dictionary<string, object?>? RichText(string? html) =>
        string.IsNullOrEmpty(html) ? null : new() { ["markup"] = html, ["blocks"] = Array.Empty<object>() };

    private static Guid KeyOf(string name)
    {
        // A name-based key (the first 16 bytes of its SHA-256): stable across exports, unique per pack and path.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
