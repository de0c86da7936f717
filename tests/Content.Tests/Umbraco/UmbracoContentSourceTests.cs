using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityVoice.Content.Umbraco;
using QualityVoice.Content.Umbraco.DeliveryApi;
using QualityVoice.Content.Umbraco.Hosting;
using QualityVoice.TestSupport;

namespace QualityVoice.Content.Tests.Umbraco;

/// <summary>The content source against a loopback server answering in the Delivery API's documented shapes.</summary>
public sealed class UmbracoContentSourceTests : IDisposable
{
    private static readonly ContentPack Nenc = ContentPackLoader.Load(Path.Combine(AppContext.BaseDirectory, "content"), "nenc");

    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_strategy_published_in_umbraco_is_the_portals_content_read_page_by_page()
    {
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(Nenc));
        var source = Source(umbraco);

        Assert.True(await source.RefreshAsync(CancellationToken.None), source.Problem);

        var content = source.Current;
        Assert.Equal(Nenc.IcbName, content.IcbName);
        Assert.Equal(Nenc.StrategyTitle, content.StrategyTitle);
        Assert.Equal(Nenc.Themes.Select(theme => (theme.Slug, theme.Title, theme.Summary)), content.Themes.Select(theme => (theme.Slug, theme.Title, theme.Summary)));
        var safety = content.FindTheme("patient-safety")!;
        Assert.Equal(Nenc.FindTheme("patient-safety")!.Sections.IStatementList, safety.Sections.IStatementList);
        Assert.Equal(Nenc.FindTheme("patient-safety")!.Sections.PriorityList, safety.Sections.PriorityList);
        Assert.Contains("<li>We share learning across different organisations.</li>", safety.Sections.WeStatements, StringComparison.Ordinal);
        Assert.Equal(
            Nenc.Organisations.SelectMany(organisation => organisation.Services).Select(service => service.FullName),
            content.Organisations.SelectMany(organisation => organisation.Services).Select(service => service.FullName));
        Assert.Equal(Nenc.Pages.Select(page => page.Slug).Order(), content.Pages.Select(page => page.Slug).Order());
        Assert.Same(Nenc.Taxonomy, content.Taxonomy);

        // More items than one page holds: the source asked for the next page by skip, never trusting take's default of 10.
        Assert.True(umbraco.Nodes.Count > DeliveryApiClient.PageSize);
        var queries = umbraco.Queries.Where(query => query.Contains("fetch=descendants", StringComparison.Ordinal)).ToArray();
        Assert.Contains(queries, query => query.Contains($"skip={DeliveryApiClient.PageSize}&take={DeliveryApiClient.PageSize}", StringComparison.Ordinal));
        Assert.All(queries, query => Assert.Contains("sort=sortOrder%3Aasc", query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_guardians_and_their_reply_time_published_in_umbraco_reach_the_speak_up_page()
    {
        var arrangements = new SpeakUpArrangements([new SpeakUpGuardian("A. Guardian", "Test Trust"), new SpeakUpGuardian("B. Guardian", "The ICB")], 3);
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(Nenc with { SpeakUp = arrangements }));
        var source = Source(umbraco);

        Assert.True(await source.RefreshAsync(CancellationToken.None), source.Problem);

        Assert.Equal(arrangements.Guardians, source.Current.SpeakUp.Guardians);
        Assert.Equal(3, source.Current.SpeakUp.RepliesWithinWorkingDays);

        umbraco.Nodes[0].Properties["speakUpRepliesWithinWorkingDays"] = "soon";
        Assert.False(await source.RefreshAsync(CancellationToken.None));
        Assert.Contains("'speakUpRepliesWithinWorkingDays' is a number of working days from 1 to 20.", source.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rich_text_from_umbraco_is_sanitised_before_it_is_shown()
    {
        var nodes = UmbracoExport.NodesOf(Nenc);
        var page = nodes.First(node => node.Path == "/contact/");
        page.Properties["body"] = new Dictionary<string, object?>
        {
            ["markup"] = "<p onclick=\"steal()\">Call <a href=\"tel:0300\">us</a> or <a href=\"javascript:alert(1)\">here</a><script>alert(2)</script><img src=\"x\" onerror=\"y\"></p>",
            ["blocks"] = Array.Empty<object>(),
        };
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes);
        var source = Source(umbraco);

        await source.RefreshAsync(CancellationToken.None);

        var html = source.Current.FindPage("contact")!.BodyHtml;
        Assert.Contains("<a href=\"tel:0300\">us</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_api_key_is_named_and_nothing_is_served()
    {
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(Nenc), apiKey: "the-right-key");
        var source = Source(umbraco, apiKey: "a-wrong-key");

        Assert.False(await source.RefreshAsync(CancellationToken.None));

        Assert.Contains("refused the API key (401)", source.Problem, StringComparison.Ordinal);
        Assert.False(source.HasContent);
        Assert.True(await Source(umbraco, apiKey: "the-right-key").RefreshAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_start_item_that_is_not_there_is_named()
    {
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(Nenc));
        var source = Source(umbraco, startItem: Guid.NewGuid().ToString());

        Assert.False(await source.RefreshAsync(CancellationToken.None));

        Assert.Contains("no published start item", source.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_population_published_in_umbraco_reaches_the_reports_and_a_group_that_does_not_add_up_is_named()
    {
        var population = new PopulationProfile("A census", [new PopulationGroup("Aged 75 or over", "age", ["75-84", "85-plus"], 9.5), new PopulationGroup("Disabled", "disability", ["yes"], 21)]);
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(UmbracoExport.NodesOf(Nenc with { Population = population }));
        var source = Source(umbraco);

        Assert.True(await source.RefreshAsync(CancellationToken.None), source.Problem);

        Assert.Equal("A census", source.Current.Population.Source);
        Assert.Equal(population.Groups.Select(group => (group.Name, group.Percent, string.Join(",", group.Answers))), source.Current.Population.Groups.Select(group => (group.Name, group.Percent, string.Join(",", group.Answers))));

        umbraco.Nodes.Last().Properties["answers"] = "yes, maybe";
        Assert.False(await source.RefreshAsync(CancellationToken.None));
        Assert.Contains("the group 'Disabled' needs answers to 'disability' from: yes, no.", source.Problem, StringComparison.Ordinal);
        Assert.Equal("A census", source.Current.Population.Source);
    }

    [Fact]
    public async Task An_item_missing_what_a_page_needs_is_named_and_the_last_good_content_stays()
    {
        var nodes = UmbracoExport.NodesOf(Nenc);
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes);
        var source = Source(umbraco);
        await source.RefreshAsync(CancellationToken.None);

        umbraco.Nodes.First(node => node.Path == "/patient-safety/").Properties.Remove("summary");
        Assert.False(await source.RefreshAsync(CancellationToken.None));

        Assert.Contains("'Patient safety' (/patient-safety/, qvStrategicTheme): 'summary' is required.", source.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Patients are safe.", source.Current.FindTheme("patient-safety")!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_umbraco_fails_or_is_slow_the_last_good_content_is_served_also_after_a_restart()
    {
        var nodes = UmbracoExport.NodesOf(Nenc);
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes);
        var source = Source(umbraco);
        Assert.True(await source.RefreshAsync(CancellationToken.None));

        umbraco.Down = true;
        Assert.False(await source.RefreshAsync(CancellationToken.None));
        Assert.Contains("Umbraco answered 503", source.Problem, StringComparison.Ordinal);
        Assert.Equal(Nenc.IcbName, source.Current.IcbName);

        umbraco.Down = false;
        umbraco.Delay = TimeSpan.FromSeconds(3);
        var impatient = Source(umbraco, timeout: TimeSpan.FromSeconds(1));
        Assert.True(await impatient.LoadLastGoodAsync(CancellationToken.None));
        Assert.False(await impatient.RefreshAsync(CancellationToken.None));
        Assert.Contains("did not answer", impatient.Problem, StringComparison.Ordinal);
        Assert.Equal(Nenc.IcbName, impatient.Current.IcbName);

        // The portal restarts while Umbraco is still down: the kept copy is served.
        umbraco.Delay = TimeSpan.Zero;
        umbraco.Down = true;
        var restarted = Source(umbraco);
        Assert.True(await restarted.LoadLastGoodAsync(CancellationToken.None));
        Assert.False(await restarted.RefreshAsync(CancellationToken.None));
        Assert.Equal(Nenc.Themes.Select(theme => theme.Slug), restarted.Current.Themes.Select(theme => theme.Slug));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.Path, "umbraco-content.json")));
        }
    }

    [Fact]
    public async Task A_publication_changes_the_content_and_says_so_once()
    {
        var nodes = UmbracoExport.NodesOf(Nenc);
        await using var umbraco = await UmbracoDeliveryServer.StartAsync(nodes);
        var source = Source(umbraco);
        var changes = 0;
        source.Changed += (_, _) => changes++;
        await source.RefreshAsync(CancellationToken.None);
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(1, changes);

        var theme = umbraco.Nodes.First(node => node.Path == "/patient-safety/");
        umbraco.Nodes[umbraco.Nodes.IndexOf(theme)] = theme with { Name = "Safer care" };
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(2, changes);
        Assert.Equal("Safer care", source.Current.FindTheme("patient-safety")!.Title);
    }

    private UmbracoContentSource Source(UmbracoDeliveryServer umbraco, string? apiKey = null, string? startItem = null, TimeSpan? timeout = null)
    {
        var options = Options.Create(new UmbracoOptions
        {
            BaseUrl = umbraco.Address,
            ApiKey = apiKey,
            StartItem = startItem ?? umbraco.RootSegment,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        });
        var http = new HttpClient { Timeout = options.Value.Timeout };
        return new UmbracoContentSource(
            new DeliveryApiClient(http, options), options, Nenc, Path.Combine(_data.Path, "umbraco-content.json"), TimeProvider.System, NullLogger<UmbracoContentSource>.Instance);
    }
}

/// <summary>The Delivery API client on answers that are not in the API's shape.</summary>
public sealed class UmbracoDeliveryApiClientTests
{
    [Theory]
    [InlineData("""{"id":"4f1c2d7e-0000-4000-8000-000000000001","name":"No route","properties":{}}""")]
    [InlineData("""{"id":"4f1c2d7e-0000-4000-8000-000000000001","name":"No type","route":{"path":"/","startItem":{"id":"4f1c2d7e-0000-4000-8000-000000000001","path":"x"}}}""")]
    [InlineData("""["not","an","item"]""")]
    [InlineData("""<html>a proxy's error page</html>""")]
    public async Task An_answer_not_in_the_delivery_apis_shape_is_named_not_thrown_as_it_comes(string body)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/umbraco/delivery/api/v2/content/item/{**rest}", () => Microsoft.AspNetCore.Http.Results.Text(body, "application/json")));
        var options = Options.Create(new UmbracoOptions { BaseUrl = server.Address, StartItem = "strategy" });
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<UmbracoUnavailableException>(() => new DeliveryApiClient(http, options).GetItemAsync("/", CancellationToken.None));

        Assert.Contains("content/item/", error.Message, StringComparison.Ordinal);
    }
}
