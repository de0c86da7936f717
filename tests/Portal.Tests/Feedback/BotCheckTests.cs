using Microsoft.Data.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Feedback;

public sealed class BotCheckTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Refusal = "We could not check that you are a person. Wait a moment, then press Send feedback again.";

    [Fact]
    public async Task A_solved_proof_of_work_lets_the_feedback_through_once()
    {
        var client = portal.CreateBrowser();
        var walker = await FeedbackJourneyTests.WalkToCheckAsync(client, comment: "With proof of work");
        var payload = await ProofOfWorkSolver.SolveAsync(client);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));

        await walker.SendAsync(("bot-check", payload));
        Assert.NotNull(walker.Page.QuerySelector("[data-testid=reference]"));

        // The same solution again, for a different submission, is a replay.
        var other = await FeedbackJourneyTests.WalkToCheckAsync(client, comment: "Replayed proof of work");
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await other.SendAsync(("bot-check", payload));
        Assert.Equal([Refusal], other.Page.ErrorSummary());
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("eyJjaGFsbGVuZ2UiOm51bGwsInNvbHV0aW9uIjpudWxsLCJ0ZXN0Ijp0cnVlfQ==")]
    [InlineData("e30=")]
    public async Task A_forged_or_test_mode_payload_is_refused(string payload)
    {
        var walker = await FeedbackJourneyTests.WalkToCheckAsync(portal.CreateBrowser(), comment: "Forged");
        portal.Clock.Advance(TimeSpan.FromMinutes(1));

        await walker.SendAsync(("bot-check", payload));

        Assert.Equal([Refusal], walker.Page.ErrorSummary());
    }

    [Fact]
    public async Task A_tampered_challenge_is_refused()
    {
        var client = portal.CreateBrowser();
        var walker = await FeedbackJourneyTests.WalkToCheckAsync(client, comment: "Tampered");
        var challenge = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Features.AbuseProtection.ProofOfWorkChallenge>(
            client, new Uri("/bot-check/challenge", UriKind.Relative), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var easier = challenge! with { Parameters = challenge.Parameters with { ExpiresAt = challenge.Parameters.ExpiresAt + 86400 } };

        await walker.SendAsync(("bot-check", ProofOfWorkSolver.Solve(easier)));

        Assert.Equal([Refusal], walker.Page.ErrorSummary());
    }

    [Fact]
    public async Task Without_javascript_the_honeypot_and_fill_time_decide()
    {
        var walker = await FeedbackJourneyTests.WalkToCheckAsync(portal.CreateBrowser(), comment: "Too fast");
        await walker.SendAsync();
        Assert.Equal([Refusal], walker.Page.ErrorSummary());

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await walker.SendAsync(("website", "http://spam.example"));
        Assert.Equal([Refusal], walker.Page.ErrorSummary());

        await walker.SendAsync();
        Assert.NotNull(walker.Page.QuerySelector("[data-testid=reference]"));
    }

    [Fact]
    public async Task Without_javascript_a_client_may_send_only_a_few_forms_an_hour()
    {
        using var strict = new StrictPortalFactory();
        var client = strict.CreateBrowser();
        strict.Clock.Advance(TimeSpan.FromMinutes(1));
        var sent = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var walker = await FeedbackJourneyTests.WalkToCheckAsync(client, comment: $"No script {i}");
            strict.Clock.Advance(TimeSpan.FromMinutes(1));
            await walker.SendAsync();
            sent.Add(walker.Page.QuerySelector("[data-testid=reference]") is not null);
        }

        Assert.Equal([true, true, false], sent);
    }

    [Fact]
    public async Task The_form_offers_the_widget_and_a_hidden_honeypot()
    {
        var walker = await FeedbackJourneyTests.WalkToCheckAsync(portal.CreateBrowser(), comment: "Widget");

        var widget = walker.Page.QuerySelector("#send-form altcha-widget");
        Assert.Equal("/bot-check/challenge", widget?.GetAttribute("challenge"));
        Assert.Equal("bot-check", widget?.GetAttribute("name"));
        var honeypot = walker.Page.QuerySelector("#send-form .qv-honeypot");
        Assert.Equal("true", honeypot?.GetAttribute("aria-hidden"));
        Assert.Equal("-1", honeypot?.QuerySelector("input")?.GetAttribute("tabindex"));
    }
}
