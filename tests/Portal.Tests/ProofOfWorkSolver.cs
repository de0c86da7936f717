using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QualityVoice.Portal.Features.AbuseProtection;

namespace QualityVoice.Portal.Tests;

/// <summary>Does what the altcha widget does in the browser: fetch a challenge, find the counter, build the payload.</summary>
public static class ProofOfWorkSolver
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Fetches and solves a challenge, returning the payload the widget would post.</summary>
    public static async Task<string> SolveAsync(HttpClient client)
    {
        var challenge = (await client.GetFromJsonAsync<ProofOfWorkChallenge>(new Uri("/bot-check/challenge", UriKind.Relative), Web))!;
        return Solve(challenge);
    }

    /// <summary>Solves a challenge.</summary>
    public static string Solve(ProofOfWorkChallenge challenge)
    {
        for (uint counter = 0; counter < 10_000_000; counter++)
        {
            var key = Convert.ToHexStringLower(ProofOfWorkChallenges.DeriveKey(challenge.Parameters, counter));
            if (key.StartsWith(challenge.Parameters.KeyPrefix, StringComparison.Ordinal))
            {
                var payload = JsonSerializer.Serialize(new { challenge, solution = new { counter, derivedKey = key, time = 12.3 } }, Web);
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
            }
        }

        throw new InvalidOperationException("No solution found.");
    }
}
