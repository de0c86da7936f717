using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityVoice.Portal.Features.AbuseProtection;

/// <summary>
/// Google reCAPTCHA v3, verified server-side: the token is posted to the siteverify endpoint with the secret
/// (never the person's IP address), and passes when Google says it is valid, for this form's action, solved on
/// one of the portal's host names, with a score at or above the threshold.
/// </summary>
public sealed class RecaptchaBotCheck(HttpClient http, BotCheckOptions options, HoneypotBotCheck honeypot, NoScriptAllowance noScript) : IBotCheck
{
    /// <inheritdoc />
    public BotCheckMode Mode => BotCheckMode.Recaptcha;

    /// <inheritdoc />
    public async Task<BotCheckResult> VerifyAsync(BotCheckEvidence evidence, CancellationToken cancellationToken)
    {
        var trap = honeypot.CheckTraps(evidence);
        if (!trap.Passed)
        {
            return trap;
        }

        if (string.IsNullOrEmpty(evidence.Token))
        {
            return evidence.StartedAt is not null && noScript.TryTake(evidence.ClientKey)
                ? BotCheckResult.Pass
                : BotCheckResult.Fail("no reCAPTCHA token, and no no-script allowance");
        }

        if (evidence.Token.Length > 4096)
        {
            return BotCheckResult.Fail("reCAPTCHA token too long");
        }

        SiteVerifyResponse? answer;
        try
        {
            using var form = new FormUrlEncodedContent([
                new("secret", options.Recaptcha.SecretKey!),
                new("response", evidence.Token),
            ]);
            using var response = await http.PostAsync(new Uri(options.Recaptcha.VerifyUrl), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return BotCheckResult.Fail($"reCAPTCHA siteverify answered {(int)response.StatusCode}");
            }

            answer = await response.Content.ReadFromJsonAsync<SiteVerifyResponse>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException)
        {
            return BotCheckResult.Fail("reCAPTCHA siteverify could not be reached");
        }

        var expectedAction = options.Recaptcha.Actions.GetValueOrDefault(evidence.Action, evidence.Action);
        return answer switch
        {
            null or { Success: false } => BotCheckResult.Fail($"reCAPTCHA: {string.Join(", ", answer?.ErrorCodes ?? [])}"),
            _ when answer.Action != expectedAction => BotCheckResult.Fail($"reCAPTCHA: token for action '{answer.Action}'"),
            _ when !options.Recaptcha.Hostnames.Contains(answer.Hostname ?? string.Empty, StringComparer.OrdinalIgnoreCase) =>
                BotCheckResult.Fail($"reCAPTCHA: token solved on '{answer.Hostname}'"),
            _ when answer.Score < options.Recaptcha.ScoreThreshold => BotCheckResult.Fail($"reCAPTCHA: score {answer.Score}"),
            _ => BotCheckResult.Pass,
        };
    }

    /// <summary>The siteverify response, as Google documents it.</summary>
    private sealed record SiteVerifyResponse(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("action")] string? Action,
        [property: JsonPropertyName("challenge_ts")] string? ChallengeTimestamp,
        [property: JsonPropertyName("hostname")] string? Hostname,
        [property: JsonPropertyName("error-codes")] string[]? ErrorCodes);
}
