using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Portal.Features.Api;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Storage;

/// <summary>The portal configured for Azure Cosmos DB (Feedback:Store=Cosmos), against the protocol peer.</summary>
public sealed class CosmosPortalTests : IAsyncLifetime
{
    private CosmosDbServer _account = null!;
    private CosmosPortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _account = await CosmosDbServer.StartAsync();
        _portal = new CosmosPortalFactory(_account);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _account.DisposeAsync();
    }

    [Fact]
    public async Task The_portal_starts_on_Cosmos_reports_ready_and_stores_feedback_there()
    {
        var client = _portal.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = new StringContent("""{"kind":"carer","service":"rx6-pts","fftRating":"poor","whatCouldImprove":"Nobody rang back"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);
        using var created = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<SubmissionReceipt>())!;
        Assert.IsType<CosmosFeedbackStore>(_portal.Services.GetRequiredService<IFeedbackStore>());
        var stored = await _portal.Services.GetRequiredService<IFeedbackStore>().FindAsync(receipt.Reference, CancellationToken.None);
        Assert.Equal("Nobody rang back", stored!.WhatCouldImprove);

        // The pages that read counts and published updates work on this store too.
        foreach (var path in new[] { "/open-data", "/open-data/fft.csv", "/open-data/themes.json", "/themes/patient-safety", "/you-said-we-did" })
        {
            using var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} answered {page.StatusCode}");
        }

        // A reply from the quality team shows on /track, where the person can answer it.
        var triage = _portal.Services.GetRequiredService<QualityVoice.Feedback.Triage.ITriageStore>();
        Assert.True(await triage.PublishReplyAsync(receipt.Reference, "Sorry: we will ring you.", "quality@example.nhs.uk", TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var (tracked, _) = (await _portal.Services.GetRequiredService<IFeedbackStore>().FindForTrackingAsync(receipt.Reference, CancellationToken.None))!.Value;
        Assert.Equal("Sorry: we will ring you.", tracked.Reply);
        Assert.True(tracked.CanAnswer);
    }

    private sealed class CosmosPortalFactory(CosmosDbServer account) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Feedback:Store"] = "Cosmos",
            ["Feedback:Cosmos:Endpoint"] = account.Endpoint.ToString(),
            ["Feedback:Cosmos:Key"] = account.Key,
            ["Feedback:Cosmos:Database"] = "qv-portal-" + Guid.NewGuid().ToString("N")[..8],
            ["Feedback:Cosmos:AcceptAnyServerCertificate"] = account.IsProtocolPeer ? "true" : "false",
        };
    }
}
