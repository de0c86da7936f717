using System.Text.Json;
using Microsoft.Extensions.Options;
using QualityVoice.Content;
using QualityVoice.Content.Hosting;
using QualityVoice.Content.Umbraco;
using QualityVoice.Content.Umbraco.DeliveryApi;
using QualityVoice.Content.Umbraco.Hosting;
using QualityVoice.Content.Umbraco.Packs;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// Moving content between a Markdown pack and an ICB's Umbraco site, either way (docs/umbraco.md):
/// <c>./qv content import-umbraco --url URL --start-item ID-OR-PATH [--api-key KEY] [--culture en-GB] --out content/PACK</c>
/// reads the site's Delivery API and writes a pack (checked by loading it back); <c>./qv content export-umbraco
/// [--out FILE]</c> writes the current pack as the items to create in Umbraco, as JSON.
/// </summary>
internal static class ContentCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(string[] args, ContentOptions content, TextWriter console, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault() ?? throw new UsageException("say import-umbraco or export-umbraco.");
        var line = CommandLine.Parse(args.Skip(1).ToArray(), new HashSet<string>());
        var pack = ContentPackLoader.Load(content.ResolveRoot(), content.Pack);
        switch (verb)
        {
            case "export-umbraco":
                line.OnlyAllow("out");
                var json = JsonSerializer.Serialize(UmbracoExport.NodesOf(pack), Json);
                if (line.Optional("out") is { } file)
                {
                    await File.WriteAllTextAsync(file, json, cancellationToken);
                    await console.WriteLineAsync($"qv content: wrote {pack.Id}'s strategy, themes, pages and services as Umbraco items to {file}");
                }
                else
                {
                    await console.WriteLineAsync(json);
                }

                return 0;

            case "import-umbraco":
                line.OnlyAllow("url", "start-item", "api-key", "culture", "out");
                var folder = Path.GetFullPath(line.Required("out"));
                var options = Options.Create(new UmbracoOptions
                {
                    BaseUrl = Uri.TryCreate(line.Required("url"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                        ? url
                        : throw new UsageException("--url is the Umbraco site's address, such as https://www.example-icb.nhs.uk/."),
                    StartItem = line.Required("start-item"),
                    ApiKey = line.Optional("api-key"),
                    Culture = line.Optional("culture"),
                });
                using (var http = new HttpClient { Timeout = options.Value.Timeout })
                {
                    var client = new DeliveryApiClient(http, options);
                    var startItem = options.Value.StartItem;
                    try
                    {
                        var root = await client.GetItemAsync(Guid.TryParse(startItem, out _) ? startItem : "/", cancellationToken)
                            ?? throw new UmbracoUnavailableException($"Umbraco has no published start item '{startItem}'.");
                        var items = await client.QueryAllAsync($"descendants:{startItem}", "sortOrder:asc", cancellationToken);
                        var imported = UmbracoContentMapper.Map(Path.GetFileName(folder), root, items, pack.Taxonomy);
                        ContentPackWriter.Write(imported, folder, Path.Combine(content.ResolveRoot(), content.Pack, "taxonomy.yml"));
                    }
                    catch (Exception exception) when (exception is UmbracoUnavailableException or UmbracoContentException)
                    {
                        await Console.Error.WriteLineAsync($"qv content: {exception.Message}");
                        return 1;
                    }
                }

                var written = ContentPackLoader.Load(Path.GetDirectoryName(folder)!, Path.GetFileName(folder));
                await console.WriteLineAsync(
                    $"qv content: wrote {written.Themes.Count} themes, {written.Pages.Count} pages and {written.Organisations.Sum(organisation => organisation.Services.Count)} services to {folder} (the taxonomy is {content.Pack}'s)");
                return 0;

            default:
                throw new UsageException($"'{verb}' is not import-umbraco or export-umbraco.");
        }
    }
}
