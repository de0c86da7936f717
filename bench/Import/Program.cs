using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

// ./qv bench import [--rows 1000000] [--store sqlite|cosmos] [--rows-per-transaction N]
//
// Writes a provider's file of --rows answers in the generic profile's shape (fixed seed: services of the nenc pack,
// dates over ten months, every collection mode, comments on about half the rows), then times ./qv import as a whole
// process into a fresh store, twice: the first run imports every row, the second finds every row imported already.
// GNU time gives the peak memory. With --store cosmos the store is the account the Feedback__Cosmos__* variables
// name, and the protocol peer's request count is reported.
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var rows = int.Parse(options.GetValueOrDefault("rows") ?? "1000000", CultureInfo.InvariantCulture);
var store = options.GetValueOrDefault("store") ?? "sqlite";
string[] transaction = options.TryGetValue("rows-per-transaction", out var rowsPerTransaction) ? ["--rows-per-transaction", rowsPerTransaction] : [];

var work = Directory.CreateTempSubdirectory("qv-bench-import-");
var data = Path.Combine(work.FullName, "data");
Directory.CreateDirectory(data);
var environment = new Dictionary<string, string>
{
    ["QualityVoice__DataDirectory"] = data,
    ["Content__Pack"] = "nenc",
    ["QV_CONTENT_PACK"] = "nenc",
};
Uri? requestCounter = null;
if (store == "cosmos")
{
    var endpoint = Environment.GetEnvironmentVariable("Feedback__Cosmos__Endpoint");
    if (string.IsNullOrEmpty(endpoint))
    {
        Console.Error.WriteLine("--store cosmos reads the account from Feedback__Cosmos__Endpoint, Feedback__Cosmos__Key and Feedback__Cosmos__Database: set them.");
        return 2;
    }

    environment["Feedback__Store"] = "Cosmos";
    if (Environment.GetEnvironmentVariable("Feedback__Cosmos__AcceptAnyServerCertificate") == "true")
    {
        environment["DOTNET_ENVIRONMENT"] = "Development";
        requestCounter = new Uri(new Uri(endpoint), "/qualityvoice/requests");
    }
}

try
{
    var file = Path.Combine(work.FullName, "provider.csv");
    WriteProviderFile(file, rows);
    Console.WriteLine($"bench import: {rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB, store {store}{(transaction.Length == 0 ? string.Empty : $", {rowsPerTransaction} rows a transaction")}");

    // A store to import into: the command refuses an empty data folder, as it would a mistyped one.
    await RunCliAsync(["seed", "--synthetic", "1"], environment);
    Console.WriteLine("| Run | Rows | Rows a second | Elapsed | Peak memory | Store requests |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var run in new[] { "first import", "the same file again" })
    {
        var before = requestCounter is null ? (long?)null : await CountRequestsAsync(requestCounter);
        var (output, peakKb) = await RunCliAsync(["import", "--input", file, "--profile", "generic", "--client", "bench", .. transaction], environment, timed: true);
        var after = requestCounter is null ? (long?)null : await CountRequestsAsync(requestCounter);
        var rate = Regex.Match(output, @"in ([\d.,]+) s \(([\d,]+) rows a second\)");
        Console.WriteLine($"| {run} | {rows:N0} | {rate.Groups[2].Value} | {rate.Groups[1].Value} s | {peakKb / 1024.0:N0} MB | {(after - before)?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} |");
        Console.WriteLine($"  {output.Trim().Split('\n')[0]}");
    }

    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static void WriteProviderFile(string path, int rows)
{
    (string Ods, string Service)[] services =
    [
        ("RTD", "Maternity"), ("RTD", "Accident and emergency"), ("RTD", "Outpatient appointments and clinics"),
        ("RTF", "Hospital wards (inpatient care)"), ("RTF", "Day surgery"), ("RR7", "Children's services"), ("RR7", "Community services"),
    ];
    string[] modes = ["sms", "tablet", "paper", "telephone", "online", "other"];
    string[] good = ["The staff were kind and explained everything to me", "Quick, friendly and \"on time\"", "Lovely midwives", string.Empty, string.Empty];
    string[] improve = ["The wait was far too long and nobody told us why", "Parking was hard to find", "More chairs in the waiting room", string.Empty, string.Empty];
    var random = new Random(42);
    using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
    writer.WriteLine("row_id,date,ods_code,service,fft_answer,what_was_good,what_could_improve,collection_mode");
    for (var i = 0; i < rows; i++)
    {
        var (ods, service) = services[random.Next(services.Length)];
        var date = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S-{i},{date:yyyy-MM-dd},{ods},{service},{random.Next(1, 7)},{Quoted(good[random.Next(good.Length)])},{Quoted(improve[random.Next(improve.Length)])},{modes[random.Next(modes.Length)]}"));
    }
}

// A field as CSV writes it: in quotes, with quotes doubled, when it holds a comma or a quote.
static string Quoted(string field) =>
    field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

async Task<(string Output, long PeakKb)> RunCliAsync(string[] arguments, IReadOnlyDictionary<string, string> variables, bool timed = false)
{
    var cli = Path.Combine(repository, "src", "Cli", "bin", "Release", "net10.0", "QualityVoice.Cli.dll");
    var start = new ProcessStartInfo(timed ? "/usr/bin/time" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
    if (timed)
    {
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("peak-kb %M");
        start.ArgumentList.Add("dotnet");
    }

    start.ArgumentList.Add(cli);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    foreach (var (name, value) in variables)
    {
        start.Environment[name] = value;
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"qv {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
    }

    var peak = Regex.Match(await errors, @"peak-kb (\d+)");
    return (await output, peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
}

static async Task<long> CountRequestsAsync(Uri counter)
{
    using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
    using var client = new HttpClient(handler);
    using var count = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(counter));
    return count.RootElement.GetProperty("requests").GetInt64();
}
