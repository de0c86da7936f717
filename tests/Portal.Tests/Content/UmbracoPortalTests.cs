using System.Diagnostics;
using System.Net;
using System.Text;
using QualityVoice.Content;
using QualityVoice.Content.Umbraco;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Content;

/// <summary>
/// The portal with Umbraco as its content source: the nenc strategy published in a loopback Umbraco (the Delivery API's
/// documented shapes), its pages, the publish webhook and what happens while Umbraco is down.
/// </summary>
public sealed class UmbracoPortalTests(UmbracoPortalTests.UmbracoPortal portal) : IClassFixture<UmbracoPortalTests.UmbracoPortal>
{
    private const string Secret = "a-long-shared-webhook-secret";

    [Theory]
    [InlineData("/", "Positive experiences (from Umbraco)")]
    [InlineData("/themes/positive-experiences", "Positive experiences (from Umbraco)")]
    [InlineData("/themes/patient-safety", "I feel safe and am supported to get help to learn about and manage any risks.")]
    [InlineData("/feedback", "Give feedback")]
    [InlineData("/you-said-we-did", "You said, we did")]
    [InlineData("/contact", "Contact us")]
    [InlineData("/accessibility-statement", "Accessibility statement")]
    public async Task Every_page_works_on_content_from_umbraco(string path, string shows)
    {
        using var response = await portal.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(shows), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task A_webhook_without_the_secret_is_refused(string? secret)
    {
        using var response = await PostWebhookAsync("Umbraco.ContentPublish", """{"id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d"}""", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Umbraco.MediaSave", """{"id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d"}""", "Umb-Webhook-Event header is 'Umbraco.MediaSave'")]
    [InlineData("Umbraco.ContentPublish", "this is not json", "not JSON")]
    [InlineData("Umbraco.ContentPublish", """{"name":"Root"}""", "no content id")]
    public async Task A_webhook_the_portal_cannot_read_says_why(string @event, string body, string says)
    {
        using var response = await PostWebhookAsync(@event, body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d","cultures":[{"culture":"en-GB","date":"2026-11-30T10:00:00"}]}""")]
    [InlineData("""{"Id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d","Cultures":[{"Culture":"en-GB","Date":"2026-11-30T10:00:00"}]}""")]
    [InlineData("""{"name":"Root","createDate":"2023-12-11T12:02:38.9979314","updateDate":"2023-12-11T12:02:38.9979314","route":{"path":"/","startItem":{"id":"c1922956-7855-4fa0-8f2c-7af149a92135","path":"root"}},"id":"c1922956-7855-4fa0-8f2c-7af149a92135","contentType":"root","properties":{}}""")]
    [InlineData("""{"Name":"Root","Route":{"Path":"/","StartItem":{"Id":"c1922956-7855-4fa0-8f2c-7af149a92135","Path":"root"}},"Id":"c1922956-7855-4fa0-8f2c-7af149a92135","ContentType":"root","Properties":{}}""")]
    public async Task Both_payload_shapes_in_either_case_are_accepted(string body)
    {
        using var response = await PostWebhookAsync("Umbraco.ContentUnpublish", body, Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_publication_in_umbraco_reaches_the_cached_pages_when_the_webhook_calls()
    {
        var client = portal.CreateClient();
        Assert.DoesNotContain("Leading together", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        portal.Rename("/clinical-and-multi-professional-leadership/", "Leading together");
        using (var hook = await PostWebhookAsync("Umbraco.ContentPublish", """{"id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d"}""", Secret))
        {
            Assert.Equal(HttpStatusCode.Accepted, hook.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        while (!(await client.GetStringAsync(new Uri("/", UriKind.Relative))).Contains("Leading together", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "the home page still shows the old title");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task While_umbraco_is_down_the_pages_stay_and_readiness_says_degraded()
    {
        var client = portal.CreateClient();
        portal.Umbraco.Down = true;
        try
        {
            using (var hook = await PostWebhookAsync("Umbraco.ContentPublish", """{"id":"9d0a7d6c-7c7e-4c47-a2c4-4b8c6a1c2b3d"}""", Secret))
            {
                Assert.Equal(HttpStatusCode.Accepted, hook.StatusCode);
            }

            var clock = Stopwatch.StartNew();
            string ready;
            while (!(ready = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).Contains("Degraded", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), ready);
                await Task.Delay(50);
            }

            Assert.Contains("Umbraco answered 503", ready, StringComparison.Ordinal);
            using var home = await client.GetAsync(new Uri("/themes/patient-safety", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            portal.Umbraco.Down = false;
        }
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string @event, string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hooks/umbraco", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Umb-Webhook-Event", @event);
        if (secret is not null)
        {
            request.Headers.Add("X-QualityVoice-Secret", secret);
        }

        return portal.CreateClient().SendAsync(request);
    }

    /// <summary>The portal reading the nenc strategy from a loopback Umbraco.</summary>
    public sealed class UmbracoPortal : PortalFactory, IAsyncLifetime
    {
        private UmbracoDeliveryServer? _umbraco;

        /// <summary>The loopback Umbraco.</summary>
        public UmbracoDeliveryServer Umbraco => _umbraco ?? throw new InvalidOperationException("Not started.");

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Content:Source"] = "Umbraco",
            ["Content:Umbraco:BaseUrl"] = Umbraco.Address.ToString(),
            ["Content:Umbraco:StartItem"] = Umbraco.RootSegment,
            ["Content:Umbraco:WebhookSecret"] = Secret,
            ["Portal:Cache:PollMilliseconds"] = "50",
        };

        /// <summary>Publishes a new name for the item at <paramref name="path"/>, as an editor would.</summary>
        public void Rename(string path, string name)
        {
            var node = Umbraco.Nodes.First(node => node.Path == path);
            Umbraco.Nodes[Umbraco.Nodes.IndexOf(node)] = node with { Name = name };
        }

        public async Task InitializeAsync()
        {
            var nodes = UmbracoExport.NodesOf(ContentPackLoader.Load(Path.Combine(AppContext.BaseDirectory, "content"), "nenc"));
            var positive = nodes.First(node => node.Path == "/positive-experiences/");
            nodes[nodes.IndexOf(positive)] = positive with { Name = "Positive experiences (from Umbraco)" };
            _umbraco = await UmbracoDeliveryServer.StartAsync(nodes);
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            if (_umbraco is not null)
            {
                await _umbraco.DisposeAsync();
            }
        }
    }
}
