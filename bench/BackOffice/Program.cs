using System.Globalization;
using QualityVoice.Bench.BackOffice;

// ./qv bench backoffice [--data DIR] [--runs 30] [--warm-up 5] [--store sqlite|cosmos] [--pages TEXT]
//
// --pages times only the pages whose names hold TEXT (for example "dashboard").
//
// With --store cosmos the back office reads the account the Feedback__Cosmos__* variables name (as the apps do), and
// counts the requests each page makes when the account is the protocol peer (tests/TestSupport/cosmosdb-peer.js).
var repository = Environment.GetEnvironmentVariable("QV_REPOSITORY") ?? Directory.GetCurrentDirectory();
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var data = options.GetValueOrDefault("data") ?? Environment.GetEnvironmentVariable("QV_DATA_DIR") ?? Path.Combine(repository, ".qv-data");
var runs = int.Parse(options.GetValueOrDefault("runs") ?? "30", CultureInfo.InvariantCulture);
var store = options.GetValueOrDefault("store") ?? "sqlite";
var warmUp = int.Parse(options.GetValueOrDefault("warm-up") ?? "5", CultureInfo.InvariantCulture);

var environment = new Dictionary<string, string>();
Uri? requestCounter = null;
if (store == "cosmos")
{
    var endpoint = Environment.GetEnvironmentVariable("Feedback__Cosmos__Endpoint");
    if (string.IsNullOrEmpty(endpoint))
    {
        Console.Error.WriteLine("--store cosmos reads the account from Feedback__Cosmos__Endpoint, Feedback__Cosmos__Key and Feedback__Cosmos__Database: set them, and seed it first with the same variables and Feedback__Store=Cosmos ./qv seed --synthetic 100000");
        return 2;
    }

    environment["Feedback__Store"] = "Cosmos";
    if (Environment.GetEnvironmentVariable("Feedback__Cosmos__AcceptAnyServerCertificate") == "true")
    {
        // The local protocol peer's certificate is self-signed, which Production refuses: the benchmark runs the
        // back office as Development then, and says so.
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        requestCounter = new Uri(new Uri(endpoint), "/qualityvoice/requests");
    }
}
else if (!File.Exists(Path.Combine(data, "feedback.db")))
{
    Console.Error.WriteLine($"No feedback store in {data}: seed one first, for example QV_DATA_DIR={data} ./qv seed --synthetic 1000000");
    return 2;
}

return await PageTimings.RunAsync(repository, Path.GetFullPath(data), runs, warmUp, environment, requestCounter, options.GetValueOrDefault("pages"));
