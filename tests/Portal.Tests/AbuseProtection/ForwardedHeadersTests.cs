using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Tests.AbuseProtection;

/// <summary>
/// Forwarded headers are believed only from configured proxies: a client talking to the portal directly cannot
/// choose the address its rate limits count against, nor the scheme and host in the links the portal writes.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Rotating_x_forwarded_for_from_an_unconfigured_peer_does_not_escape_the_rate_limit()
    {
        using var portal = new DirectlyReachedPortal(settings: new Dictionary<string, string>());
        var client = portal.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/track");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_so_that_each_client_behind_it_has_its_own_limit()
    {
        using var portal = new DirectlyReachedPortal(settings: new Dictionary<string, string> { ["Web:KnownProxies:0"] = "127.0.0.1" });
        var client = portal.CreateBrowser();

        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/track");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task X_forwarded_proto_from_an_unconfigured_peer_does_not_reach_the_feed_links()
    {
        using var portal = new DirectlyReachedPortal(settings: new Dictionary<string, string>());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/you-said-we-did/feed.atom");
        request.Headers.Add("X-Forwarded-Proto", "gopher");

        using var response = await portal.CreateBrowser().SendAsync(request);
        var feed = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("gopher:", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_answer_to_any_host_name()
    {
        using var portal = new ProductionPortal(new Dictionary<string, string> { ["AllowedHosts"] = "*" });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("AllowedHosts must name the app's host names in Production", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:1", "2001:db8:1:2:1111:2222:3333:4444", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.10", "192.0.2.10", true)]
    [InlineData("192.0.2.10", "192.0.2.11", false)]
    public void An_ipv6_client_is_keyed_by_its_64_bit_prefix(string first, string second, bool same)
    {
        var keys = new ClientKeys();

        Assert.Equal(same, keys.For(IPAddress.Parse(first)) == keys.For(IPAddress.Parse(second)));
    }

    /// <summary>A portal whose every request arrives from a loopback peer, as behind a local proxy, with limits of two.</summary>
    private sealed class DirectlyReachedPortal(IReadOnlyDictionary<string, string> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string>(settings) { ["RateLimits:TrackingAttemptsPerMinute"] = "2" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, LoopbackPeer>());
        }
    }

    private sealed class ProductionPortal(IReadOnlyDictionary<string, string> settings) : PortalFactory
    {
        protected override string EnvironmentName => "Production";

        protected override IReadOnlyDictionary<string, string> Settings { get; } = settings;
    }

    /// <summary>The in-memory test server has no peer address; this gives every request loopback's.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
