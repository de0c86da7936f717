using System.Diagnostics;
using System.Globalization;
using System.Net;
using QualityVoice.Bench.Common;

namespace QualityVoice.Bench.Portal;

/// <summary>
/// ./qv bench portal: the home page, a theme page and the "you said, we did" list, each served by the published
/// portal and by nginx from a file holding the very bytes the portal served, loaded in turn by wrk in one run, a
/// few rounds each so that neither side always runs on a warmer machine. The figures are the median of the rounds.
/// </summary>
public static class PortalBenchmark
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("theme", "/themes/positive-experiences"),
        ("updates", "/you-said-we-did"),
    ];

    /// <summary>Runs it and prints a table for docs/performance.md.</summary>
    public static async Task<int> RunAsync(string repository, WrkLoad load, int rounds)
    {
        await Tools.EnsureAsync(("wrk", "wrk"), ("nginx", "nginx"));

        var data = Directory.CreateTempSubdirectory("qv-bench-portal-");
        try
        {
            await using var portal = new AppProcess(repository, "Portal", data.FullName);
            await portal.StartAsync();
            await using var nginx = await Nginx.StartAsync();

            using var client = new HttpClient { BaseAddress = portal.Address };
            var targets = new List<(string Name, Uri Portal, Uri Nginx, int Bytes)>();
            foreach (var (name, path) in Pages)
            {
                using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (page.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The portal answered {(int)page.StatusCode} for {path}.");
                }

                var bytes = await page.Content.ReadAsByteArrayAsync();
                targets.Add((name, new Uri(portal.Address, path), await nginx.ServeAsync($"{name}.html", bytes), bytes.Length));
            }

            Console.WriteLine($"qv: wrk -t{load.Threads} -c{load.Connections} -d{load.Duration.TotalSeconds:0}s, {rounds} rounds a page, portal and nginx in turn");
            var results = new List<(string Name, int Bytes, WrkResult Portal, WrkResult Nginx)>();
            foreach (var target in targets)
            {
                await load.RunAsync(target.Portal); // (warms the cache and the JIT; not counted)
                var portalRuns = new List<WrkResult>();
                var nginxRuns = new List<WrkResult>();
                for (var round = 0; round < rounds; round++)
                {
                    portalRuns.Add(await load.RunAsync(target.Portal));
                    nginxRuns.Add(await load.RunAsync(target.Nginx));
                    Console.WriteLine($"qv: {target.Name} round {round + 1}: portal {portalRuns[^1].RequestsPerSecond:N0}/s, nginx {nginxRuns[^1].RequestsPerSecond:N0}/s");
                }

                results.Add((target.Name, target.Bytes, Median(portalRuns), Median(nginxRuns)));
            }

            Console.WriteLine();
            Console.WriteLine("| Page | Bytes | Portal req/s | nginx req/s | Portal ÷ nginx | Portal p99 | nginx p99 | Portal non-2xx/errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            var met = true;
            foreach (var (name, bytes, portalResult, nginxResult) in results)
            {
                var ratio = portalResult.RequestsPerSecond / nginxResult.RequestsPerSecond;
                met &= ratio >= 0.8 && portalResult.P99 < TimeSpan.FromMilliseconds(10) && portalResult.Failures == 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {bytes:N0} | {portalResult.RequestsPerSecond:N0} | {nginxResult.RequestsPerSecond:N0} | {ratio:0.00} | {portalResult.P99.TotalMilliseconds:0.00} ms | {nginxResult.P99.TotalMilliseconds:0.00} ms | {portalResult.Failures} |"));
            }

            Console.WriteLine();
            Console.WriteLine(met
                ? "qv: every page at ≥ 0.8 × nginx with p99 < 10 ms and no failures"
                : "qv: below the target (≥ 0.8 × nginx, p99 < 10 ms, no failures) on at least one page");
            return 0;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static WrkResult Median(List<WrkResult> runs)
    {
        var middle = runs.Count / 2;
        return new WrkResult(
            runs.Select(run => run.RequestsPerSecond).Order().ElementAt(middle),
            runs.Select(run => run.P99).Order().ElementAt(middle),
            runs.Sum(run => run.Failures));
    }
}

/// <summary>The Debian packages a benchmark runs, installed with apt-get when they are missing and we are root.</summary>
internal static class Tools
{
    public static async Task EnsureAsync(params (string Command, string Package)[] tools)
    {
        var missing = tools.Where(tool => !OnPath(tool.Command)).Select(tool => tool.Package).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"This benchmark needs {string.Join(" and ", missing)}: sudo apt-get install {string.Join(' ', missing)}");
        }

        Console.WriteLine($"qv: installing {string.Join(", ", missing)} (apt-get)");
        if (await AptGetAsync(["install", "-y", "--no-install-recommends", .. missing]) != 0
            && (await AptGetAsync(["update"]) != 0 || await AptGetAsync(["install", "-y", "--no-install-recommends", .. missing]) != 0))
        {
            throw new InvalidOperationException($"apt-get could not install {string.Join(" and ", missing)}.");
        }
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Any(folder => File.Exists(Path.Combine(folder, command)));

    private static async Task<int> AptGetAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get", arguments);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start) ?? throw new InvalidOperationException("apt-get did not start.");
        await apt.WaitForExitAsync();
        return apt.ExitCode;
    }
}
