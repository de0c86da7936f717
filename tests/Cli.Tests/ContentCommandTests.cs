using System.Text.Json;
using QualityVoice.Cli.Commands;
using QualityVoice.Content;
using QualityVoice.Content.Hosting;
using QualityVoice.Content.Umbraco;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

/// <summary>./qv content: a pack out to Umbraco's items and back from an Umbraco site, through the Delivery API.</summary>
public sealed class ContentCommandTests : IDisposable
{
    private static readonly ContentOptions Nenc = new() { Pack = "nenc" };

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_pack_exported_to_umbraco_and_imported_back_from_its_delivery_api_is_the_same_strategy()
    {
        var exported = _folder.File("nodes.json");
        Assert.Equal(0, await ContentCommand.RunAsync(["export-umbraco", "--out", exported], Nenc, TextWriter.Null, CancellationToken.None));
        var nodes = JsonSerializer.Deserialize<List<UmbracoNode>>(await File.ReadAllTextAsync(exported), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("qvStrategy", nodes[0].ContentType);

        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes, apiKey: "umbraco-key");
        var output = new StringWriter();
        var code = await ContentCommand.RunAsync(
            ["import-umbraco", "--url", umbraco.Address.ToString(), "--start-item", umbraco.RootSegment, "--api-key", "umbraco-key", "--out", Path.Combine(_folder.Path, "from-umbraco")],
            Nenc, output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("wrote 5 themes, 4 pages", output.ToString(), StringComparison.Ordinal);
        var original = ContentPackLoader.Load(Nenc.ResolveRoot(), "nenc");
        var imported = ContentPackLoader.Load(_folder.Path, "from-umbraco");
        Assert.Equal(original.IcbName, imported.IcbName);
        Assert.Equal(original.Themes.Select(theme => (theme.Slug, theme.Title, theme.Order, theme.Summary)), imported.Themes.Select(theme => (theme.Slug, theme.Title, theme.Order, theme.Summary)));
        foreach (var (before, after) in original.Themes.Zip(imported.Themes))
        {
            Assert.Equal(before.Sections.IStatementList, after.Sections.IStatementList);
            Assert.Equal(before.Sections.WeStatementList, after.Sections.WeStatementList);
            Assert.Equal(before.Sections.PriorityList, after.Sections.PriorityList);
            Assert.Equal(before.Sections.Foundations, after.Sections.Foundations);
            Assert.Equal(before.Sections.EasyRead, after.Sections.EasyRead);
        }

        Assert.Equal(original.Pages.Select(page => (page.Slug, page.Title, page.BodyHtml)), imported.Pages.Select(page => (page.Slug, page.Title, page.BodyHtml)));
        Assert.Equal(
            original.Organisations.SelectMany(organisation => organisation.Services).Select(service => (service.Id, service.FullName)),
            imported.Organisations.SelectMany(organisation => organisation.Services).Select(service => (service.Id, service.FullName)));        Assert.Equal(original.SpeakUp.RepliesWithinWorkingDays, imported.SpeakUp.RepliesWithinWorkingDays);
    }

    [Fact]
    public async Task A_packs_population_and_englands_fft_result_go_to_umbraco_and_come_back()
    {
        var somerset = new ContentOptions { Pack = "somerset" };
        var original = ContentPackLoader.Load(somerset.ResolveRoot(), "somerset");
        var nodes = UmbracoExport.NodesOf(original);
        var service = nodes.First(node => node.ContentType == UmbracoContentMapper.DocumentTypes.Service);
        (service.Properties["englandSetting"], service.Properties["englandMonth"], service.Properties["englandPositive"]) = ("A&E", "2026-09", 80.5);

        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes, apiKey: "umbraco-key");
        var code = await ContentCommand.RunAsync(
            ["import-umbraco", "--url", umbraco.Address.ToString(), "--start-item", umbraco.RootSegment, "--api-key", "umbraco-key", "--out", Path.Combine(_folder.Path, "somerset-back")],
            somerset, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var imported = ContentPackLoader.Load(_folder.Path, "somerset-back");
        Assert.NotEmpty(original.Population.Groups);
        Assert.Equal(original.Population.Source, imported.Population.Source);
        Assert.Equal(
            original.Population.Groups.Select(group => (group.Name, group.Question, string.Join(",", group.Answers), group.Percent)),
            imported.Population.Groups.Select(group => (group.Name, group.Question, string.Join(",", group.Answers), group.Percent)));
        var withEngland = Assert.Single(imported.Organisations.SelectMany(organisation => organisation.Services), candidate => candidate.England is not null);
        Assert.Equal(service.Properties["serviceId"], withEngland.Id);
        Assert.Equal(new EnglandFft("A&E", "2026-09", 80.5), withEngland.England);
    }

    [Fact]
    public async Task An_umbraco_that_refuses_the_key_is_named_and_nothing_is_written()
    {
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(ContentPackLoader.Load(Nenc.ResolveRoot(), "nenc")), apiKey: "umbraco-key");

        var code = await ContentCommand.RunAsync(
            ["import-umbraco", "--url", umbraco.Address.ToString(), "--start-item", umbraco.RootSegment, "--out", Path.Combine(_folder.Path, "refused")],
            Nenc, TextWriter.Null, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "refused")));
    }
}
