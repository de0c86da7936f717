using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.AbuseProtection;

/// <summary>
/// reCAPTCHA v3 against a loopback server that answers as Google's siteverify endpoint is documented to:
/// POST form fields secret and response; JSON success, score, action, challenge_ts, hostname, error-codes.
/// </summary>
public sealed class RecaptchaBotCheckTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<IFormCollection> _received = new();
    private readonly ManualTimeProvider _clock = new();
    private LoopbackServer _google = null!;

    public async Task InitializeAsync() => _google = await LoopbackServer.StartAsync(endpoints =>
        endpoints.MapPost("/recaptcha/api/siteverify", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            _received.Enqueue(form);
            return form["response"].ToString() switch
            {
                "human" => Results.Json(new Dictionary<string, object> { ["success"] = true, ["score"] = 0.9, ["action"] = "feedback", ["challenge_ts"] = "2026-11-21T12:00:00Z", ["hostname"] = "portal.example" }),
                "bot" => Results.Json(new Dictionary<string, object> { ["success"] = true, ["score"] = 0.1, ["action"] = "feedback", ["challenge_ts"] = "2026-11-21T12:00:00Z", ["hostname"] = "portal.example" }),
                "elsewhere" => Results.Json(new Dictionary<string, object> { ["success"] = true, ["score"] = 0.9, ["action"] = "feedback", ["challenge_ts"] = "2026-11-21T12:00:00Z", ["hostname"] = "harvester.example" }),
                "other-action" => Results.Json(new Dictionary<string, object> { ["success"] = true, ["score"] = 0.9, ["action"] = "login", ["challenge_ts"] = "2026-11-21T12:00:00Z", ["hostname"] = "portal.example" }),
                "down" => Results.StatusCode(503),
                _ => Results.Json(new Dictionary<string, object> { ["success"] = false, ["error-codes"] = new[] { "invalid-input-response" } }),
            };
        }));

    public async Task DisposeAsync() => await _google.DisposeAsync();

    [Fact]
    public async Task A_human_score_for_the_forms_action_passes_and_the_secret_is_sent_but_not_the_address()
    {
        var result = await Check().VerifyAsync(Evidence("human"), CancellationToken.None);

        Assert.True(result.Passed);
        var sent = Assert.Single(_received);
        Assert.Equal("the-secret", sent["secret"]);
        Assert.Equal("human", sent["response"]);
        Assert.False(sent.ContainsKey("remoteip"));
    }

    [Theory]
    [InlineData("bot", "reCAPTCHA: score 0.1")]
    [InlineData("other-action", "reCAPTCHA: token for action 'login'")]
    [InlineData("elsewhere", "reCAPTCHA: token solved on 'harvester.example'")]
    [InlineData("garbage", "reCAPTCHA: invalid-input-response")]
    [InlineData("down", "reCAPTCHA siteverify answered 503")]
    public async Task Anything_else_fails_with_a_reason(string token, string reason)
    {
        var result = await Check().VerifyAsync(Evidence(token), CancellationToken.None);

        Assert.Equal(BotCheckResult.Fail(reason), result);
    }

    [Fact]
    public async Task The_honeypot_is_checked_before_google_is_asked()
    {
        var result = await Check().VerifyAsync(Evidence("human") with { Honeypot = "spam" }, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Empty(_received);
    }

    private RecaptchaBotCheck Check()
    {
        var options = new BotCheckOptions
        {
            Mode = BotCheckMode.Recaptcha,
            Recaptcha = new RecaptchaOptions { SiteKey = "site", SecretKey = "the-secret", VerifyUrl = new Uri(_google.Address, "recaptcha/api/siteverify").ToString() },
        };
        options.Recaptcha.Hostnames.Add("portal.example");
        return new RecaptchaBotCheck(new HttpClient(), options, new HoneypotBotCheck(options, _clock), new NoScriptAllowance(options));
    }

    private BotCheckEvidence Evidence(string token) => new("feedback", token, null, _clock.GetUtcNow().AddMinutes(-5), "client");
}
