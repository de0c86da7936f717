using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace QualityVoice.Bench.BackOffice;

/// <summary>
/// Times whole page responses on loopback — the server's work plus HTML rendering and one local round trip, so
/// an upper bound on the time at the server — for the inbox's first page with each filter alone, with a search,
/// the next page, the dashboard's default twelve months, and the two insight reports. Each page is requested a few
/// times first to warm up.
/// On the Cosmos DB protocol peer it also counts the requests each page makes of the store.
/// </summary>
internal static partial class PageTimings
{
    private const double InboxTargetMs = 100;
    private const double DashboardTargetMs = 500;

    public static async Task<int> RunAsync(
        string repository, string dataDirectory, int runs, int warmUpRounds, IReadOnlyDictionary<string, string> environment, Uri? requestCounter, string? only)
    {
        await using var backOffice = await BackOfficeProcess.StartAsync(repository, dataDirectory, environment);
        using var peer = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        using var client = await backOffice.SignInAsync();

        var threeMonthsAgo = TimeProvider.System.GetUtcNow().AddMonths(-3);
        var from = new DateOnly(threeMonthsAgo.Year, threeMonthsAgo.Month, 1);
        (string Name, string Path, double? Target)[] pages =
        [
            ("inbox, no filter", "/inbox", InboxTargetMs),
            ("inbox, status=new", "/inbox?status=new", InboxTargetMs),
            ("inbox, sentiment=negative", "/inbox?sentiment=negative", InboxTargetMs),
            ("inbox, theme=Parking", "/inbox?theme=Parking", InboxTargetMs),
            ("inbox, strategicTheme=patient-safety", "/inbox?strategicTheme=patient-safety", InboxTargetMs),
            ("inbox, service=rtd-ae", "/inbox?service=rtd-ae", InboxTargetMs),
            ("inbox, kind=carer", "/inbox?kind=carer", InboxTargetMs),
            ("inbox, fft=very-poor", "/inbox?fft=very-poor", InboxTargetMs),
            ("inbox, urgent=yes", "/inbox?urgent=yes", InboxTargetMs),
            ("inbox, assignedTo=nobody", "/inbox?assignedTo=nobody", InboxTargetMs),
            ("inbox, from (3 months)", $"/inbox?from={from:yyyy-MM-dd}", InboxTargetMs),
            ("inbox, to (3 months ago)", $"/inbox?to={from:yyyy-MM-dd}", InboxTargetMs),
            ("inbox, sort=oldest", "/inbox?sort=oldest", InboxTargetMs),
            ("inbox, q=parking", "/inbox?q=parking", InboxTargetMs),
            ("inbox, q=rude receptionist", "/inbox?q=rude+receptionist", InboxTargetMs),
            ("inbox, q=waiting", "/inbox?q=waiting", InboxTargetMs),
            // Beyond the target's "any one filter, or q": reported, not judged.
            ("inbox, q + service + sentiment", "/inbox?q=appointment&service=rtd-outpatients&sentiment=negative", null),
            ("dashboard, 12 months", "/dashboard", DashboardTargetMs),
            ("dashboard, 12 months, one service", "/dashboard?service=rtd-ae", DashboardTargetMs),
            // The reports: read when opened, so timed here (issue 17 sets no target).
            ("report: weekly insights pack, last week", "/reports/weekly", null),
            ("report: service quality, rtd-ae, 2 months", "/reports/service?service=rtd-ae", null),
        ];

        if (only is null)
        {
            var next = NextPage().Match(await client.GetStringAsync("/inbox?sentiment=negative")).Groups[1].Value;
            pages = [.. pages, ("inbox, sentiment=negative, page 2", WebUtility.HtmlDecode(next), InboxTargetMs)];
        }
        else
        {
            // Only the pages named (on the protocol peer, whose queries read every document, a large store's inbox
            // pages take minutes each; its dashboards read one rollup a month).
            pages = pages.Where(page => page.Name.Contains(only, StringComparison.Ordinal)).ToArray();
        }

        // The server's steady state, as after a morning's use: every page several times over, so that the first
        // page timed does not pay for the just-in-time compiler optimising code that all the pages share.
        for (var round = 0; round < warmUpRounds; round++)
        {
            foreach (var (_, path, _) in pages)
            {
                using var warm = await client.GetAsync(path);
            }
        }

        var store = environment.GetValueOrDefault("Feedback__Store") ?? "SQLite";
        Console.WriteLine($"Back office on {store} over {dataDirectory}, {runs} requests a page after {warmUpRounds} rounds of all pages and 3 more to warm up (milliseconds, on loopback)");
        Console.WriteLine($"{"page",-42} {"p50",8} {"p95",8} {"max",8}  {(requestCounter is null ? string.Empty : "store requests  ")}target");
        var missed = 0;
        foreach (var (name, path, target) in pages)
        {
            var times = new List<double>();
            long? storeRequests = requestCounter is null ? null : await StoreRequestsAsync(peer, requestCounter, client, path);
            for (var run = -3; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                if (run >= 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var p95 = Percentile(times, 0.95);
            var met = target is null || p95 < target;
            missed += met ? 0 : 1;
            var verdict = target is null ? "(no target)" : $"p95 < {target:F0} {(met ? "met" : "MISSED")}";
            var requests = storeRequests is { } counted ? $"{counted,14}  " : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-42} {Percentile(times, 0.5),8:F1} {p95,8:F1} {times[^1],8:F1}  {requests}{verdict}"));
        }

        Console.WriteLine(missed == 0 ? "All targets met." : $"{missed} targets missed.");
        return missed == 0 ? 0 : 1;
    }

    /// <summary>How many requests the store's peer served while the page was answered once.</summary>
    private static async Task<long> StoreRequestsAsync(HttpClient peer, Uri counter, HttpClient client, string path)
    {
        async Task<long> ServedAsync() =>
            System.Text.Json.JsonDocument.Parse(await peer.GetStringAsync(counter)).RootElement.GetProperty("requests").GetInt64();

        var before = await ServedAsync();
        using (var response = await client.GetAsync(path))
        {
            await response.Content.ReadAsByteArrayAsync();
        }

        return await ServedAsync() - before;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("href=\"(/inbox\\?[^\"]*after=[^\"]+)\"")]
    private static partial Regex NextPage();
}
