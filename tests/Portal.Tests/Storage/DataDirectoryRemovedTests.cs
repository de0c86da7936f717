using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace QualityVoice.Portal.Tests.Storage;

/// <summary>
/// The data directory moved away and deleted under a running portal: it stops acknowledging (503, Retry-After)
/// instead of answering 201 for submissions no restart could find, and readiness says why.
/// </summary>
public sealed class DataDirectoryRemovedTests : IDisposable
{
    private const string Valid = """
        {"kind":"patient","service":"rx6-pts","fftRating":"good","whatCouldImprove":"Pick-up was late"}
        """;

    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_removed_data_directory_stops_acknowledgements_and_readiness_says_why()
    {
        var client = _portal.CreateClient();
        using (var before = await PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        var moved = _portal.DataDirectory + ".moved";
        Directory.Move(_portal.DataDirectory, moved);
        SqliteConnection.ClearAllPools();
        Directory.Delete(moved, recursive: true);

        using var after = await PostAsync(client);
        using var readiness = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.True(after.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Contains("feedback.db was removed", await readiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = new StringContent(Valid, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", PortalFactory.ApiKey);
        return await client.SendAsync(request);
    }
}
