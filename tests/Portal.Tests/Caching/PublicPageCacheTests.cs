using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Content;
using QualityVoice.Feedback.Publishing;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Caching;

/// <summary>Public pages are rendered once and revalidated by their ETag; pages with someone's answers are never stored.</summary>
public sealed class PublicPageCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/themes/positive-experiences")]
    [InlineData("/you-said-we-did")]
    [InlineData("/you-said-we-did/feed.atom")]
    [InlineData("/open-data")]
    [InlineData("/accessibility-statement")]
    [InlineData("/feedback")]
    [InlineData("/speak-up")]
    public async Task A_public_page_is_rendered_once_and_revalidated_by_its_etag(string path)
    {
        var client = portal.CreateClient();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var second = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, "the second answer should come from the cache");
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(second.Headers.CacheControl!.NoCache);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Made_up_query_parameters_are_served_the_same_entry()
    {
        var client = portal.CreateClient();
        await client.GetAsync(new Uri("/you-said-we-did", UriKind.Relative));

        using var busted = await client.GetAsync(new Uri("/you-said-we-did?utm_source=twitter", UriKind.Relative));

        Assert.NotNull(busted.Headers.Age);
    }

    [Fact]
    public async Task A_filter_the_page_reads_is_a_page_of_its_own()
    {
        var client = portal.CreateClient();
        await client.GetAsync(new Uri("/you-said-we-did", UriKind.Relative));

        using var filtered = await client.GetAsync(new Uri("/you-said-we-did?status=done", UriKind.Relative));
        using var again = await client.GetAsync(new Uri("/you-said-we-did?status=done", UriKind.Relative));

        Assert.Null(filtered.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        Assert.NotEqual(await client.GetStringAsync(new Uri("/you-said-we-did", UriKind.Relative)), await filtered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_head_request_says_how_to_keep_the_page_without_a_validator_of_nothing()
    {
        using var head = await portal.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Headers.CacheControl!.NoCache);
        Assert.Null(head.Headers.ETag);
    }

    [Theory]
    [InlineData("/track")]
    [InlineData("/speak-up/case")]
    public async Task Pages_for_one_person_are_never_stored(string path)
    {
        using var response = await portal.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Headers.Age);
    }

    [Fact]
    public async Task The_first_page_of_the_form_is_the_same_for_everyone_and_the_answers_after_it_are_protected()
    {
        var browser = portal.CreateBrowser();
        using var first = await browser.GetAsync(new Uri("/feedback", UriKind.Relative));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var page = await first.ReadPageAsync();
        Assert.Null(page.QuerySelector("main form input[name=__RequestVerificationToken]"));

        // The first answer starts the draft; the next page carries the token and is not stored.
        var walker = FormWalker.At(browser, page);
        await walker.ContinueAsync(("Input.Kind", "patient"));
        Assert.Equal("Which organisation is your feedback about?", walker.Heading);
        Assert.NotNull(walker.Page.QuerySelector("main form input[name=__RequestVerificationToken]"));

        // The same post without the token is refused.
        var fields = walker.Page.QuerySelectorAll("main form input[type=hidden]")
            .Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
            .Append(new("Input.ServiceId", "other"))
            .Append(new("Input.OtherServiceName", "Elm Tree Surgery"))
            .Append(new("Go", "continue"));
        using var forged = await portal.CreateClient().PostAsync(new Uri("/feedback", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

/// <summary>
/// A publication reaches every instance's cached pages: two portals on one data folder, as two App Service instances
/// on one database, both with the home page cached; the back office's change shows on both within a second.
/// </summary>
public sealed class PublicPageInvalidationTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private SharedDataPortal _one = null!;
    private SharedDataPortal _two = null!;

    public Task InitializeAsync()
    {
        _one = new SharedDataPortal(_data.Path);
        _two = new SharedDataPortal(_data.Path);
        _ = _one.Services;
        _ = _two.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task Publishing_scheduled_publication_and_unpublishing_reach_every_instance_within_a_second()
    {
        var clients = new[] { _one.CreateClient(), _two.CreateClient() };
        foreach (var client in clients)
        {
            Assert.DoesNotContain("Hourly updates on waits", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        }

        var updates = _one.Services.GetRequiredService<IUpdateStore>();
        var theme = _one.Services.GetRequiredService<ContentPack>().Themes[0];
        var now = _one.Clock.GetUtcNow();
        var slug = await updates.CreateAsync(
            "hourly-updates", _ => false,
            new UpdateContent("Hourly updates on waits", theme.Slug, null, "done", "You said nobody told you how long the wait would be.", "We now tell you every hour.", [], [], []),
            "engagement@example.nhs.uk", now, CancellationToken.None);
        await updates.SubmitForReviewAsync(slug, 1, "engagement@example.nhs.uk", now, CancellationToken.None);

        // Approved to go live later; the back office's worker publishes it when it is due.
        Assert.Equal(UpdateChangeOutcome.Done, await updates.ApproveAsync(slug, 1, now.AddHours(1), "quality@example.nhs.uk", now, CancellationToken.None));
        await Task.Delay(300);
        Assert.All(clients, client => Assert.DoesNotContain("Hourly updates on waits", client.GetStringAsync(new Uri("/", UriKind.Relative)).Result, StringComparison.Ordinal));

        await updates.PublishDueAsync(now.AddHours(1), CancellationToken.None);
        await AssertWithinASecondAsync(clients, page => page.Contains("Hourly updates on waits", StringComparison.Ordinal));

        await updates.UnpublishAsync(slug, "Published by mistake", "quality@example.nhs.uk", now.AddHours(2), CancellationToken.None);
        await AssertWithinASecondAsync(clients, page => !page.Contains("Hourly updates on waits", StringComparison.Ordinal));
    }

    private static async Task AssertWithinASecondAsync(HttpClient[] clients, Func<string, bool> shows)
    {
        var clock = Stopwatch.StartNew();
        foreach (var client in clients)
        {
            while (!shows(await client.GetStringAsync(new Uri("/", UriKind.Relative))))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"not on every instance after {clock.ElapsedMilliseconds} ms");
                await Task.Delay(20);
            }
        }
    }

    private sealed class SharedDataPortal(string data) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["QualityVoice:DataDirectory"] = data,
            ["Portal:Cache:PollMilliseconds"] = "100",
        };
    }
}
