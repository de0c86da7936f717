using System.Net;
using System.Net.Http.Json;
using System.Text;
using QualityVoice.Portal.Features.Api;

namespace QualityVoice.Portal.Tests.Operations;

/// <summary>
/// What each exporter's test does to the portal: a submission with words in it, and a page whose path and query hold
/// a reference; and what must never leave the app in telemetry because of them.
/// </summary>
internal static class TelemetryProbe
{
    /// <summary>Submits and visits; returns the words, path, query, reference and passphrase that must never be exported.</summary>
    public static async Task<IReadOnlyList<string>> SubmitAndVisitAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = new StringContent(
                """{"kind":"patient","service":"rx6-pts","fftRating":"poor","whatCouldImprove":"Zanzibar marmalade told me nothing about my mother","month":"2026-10"}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);

        using var response = await client.SendAsync(request);
        using var page = await client.GetAsync(new Uri("/themes/zanzibar-in-the-path?reference=QV-ZZZZ-ZZZZ", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<SubmissionReceipt>())!;
        return ["Zanzibar", "zanzibar-in-the-path", "QV-ZZZZ-ZZZZ", receipt.Reference, receipt.Passphrase];
    }
}
