using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityVoice.Bench.Portal;

/// <summary>What one wrk run measured.</summary>
/// <param name="RequestsPerSecond">Requests a second over the run.</param>
/// <param name="P99">The 99th percentile latency.</param>
/// <param name="Failures">Non-2xx/3xx answers, socket errors and timeouts.</param>
public sealed record WrkResult(double RequestsPerSecond, TimeSpan P99, long Failures);

/// <summary>wrk (the Debian package) run against one address with the same settings each time.</summary>
public sealed partial record WrkLoad(TimeSpan Duration, int Connections, int Threads)
{
    /// <summary>Runs wrk with <c>--latency</c> and reads its report.</summary>
    public async Task<WrkResult> RunAsync(Uri address)
    {
        var start = new ProcessStartInfo("wrk",
        [
            "--latency",
            "-t", Threads.ToString(CultureInfo.InvariantCulture),
            "-c", Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)Duration.TotalSeconds}s",
            address.ToString(),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var report = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await wrk.StandardError.ReadToEndAsync()}");
        }

        return Read(report);
    }

    /// <summary>Reads wrk's text report (the format of wrk 4).</summary>
    public static WrkResult Read(string report)
    {
        var rate = RequestsPerSecondLine().Match(report);
        var p99 = P99Line().Match(report);
        if (!rate.Success || !p99.Success)
        {
            throw new FormatException($"wrk's report was not understood:\n{report}");
        }

        long failures = 0;
        if (NonSuccessLine().Match(report) is { Success: true } nonSuccess)
        {
            failures += long.Parse(nonSuccess.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (SocketErrorsLine().Match(report) is { Success: true } errors)
        {
            failures += errors.Groups.Values.Skip(1).Sum(group => long.Parse(group.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Latency(p99.Groups[1].Value, p99.Groups[2].Value), failures);
    }

    private static TimeSpan Latency(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => TimeSpan.FromMicroseconds(number),
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            _ => throw new FormatException($"wrk gave a latency in '{unit}'."),
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s+99%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99Line();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
