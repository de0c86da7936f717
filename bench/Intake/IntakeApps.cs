using System.Security.Cryptography;
using System.Text;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.Intake;

/// <summary>The apps the intake benchmarks run: the portal with a trusted integration's key, and the back office beside it.</summary>
internal static class IntakeApps
{
    public const string ApiKey = "bench-integration-key-0123456789abcdef";

    /// <summary>The portal, as an ICB runs it; the integration's key lifts the per-client limit out of the way.</summary>
    public static AppProcess Portal(string repository, string dataDirectory, int? port = null) => new(
        repository,
        "Portal",
        dataDirectory,
        new Dictionary<string, string>
        {
            ["Api__Clients__0__Name"] = "bench",
            ["Api__Clients__0__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["RateLimits__ApiClientRequestsPerSecond"] = "1000000",
        },
        port);

    /// <summary>The back office on the same data, with its analysis worker (the default analyzer) and publishing worker running.</summary>
    public static AppProcess BackOffice(string repository, string dataDirectory) => new(repository, "BackOffice", dataDirectory);
}
