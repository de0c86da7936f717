using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QualityVoice.Analysis.Embeddings.FineTuning;
using QualityVoice.Analysis.Embeddings.Hosting;
using QualityVoice.Cli;
using QualityVoice.Cli.Commands;
using QualityVoice.Cli.Seeding;
using QualityVoice.Content;
using QualityVoice.Content.Hosting;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Import;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Hosting;

// ./qv's subcommands. The bash script only finds the repository, maps QV_* settings and passes the arguments on.
var command = args.Length > 0 ? args[0] : string.Empty;
var rest = args.Skip(1).ToArray();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return command switch
    {
        "content" => await ContentCommand.RunAsync(rest, ContentOptionsFromEnvironment(), Console.Out, cancel.Token),
        "train" => TrainCommand.Run(CommandLine.Parse(rest, new HashSet<string>()), Console.Out),
        "analyze" => await AnalyzeCommand.RunAsync(CommandLine.Parse(rest, new HashSet<string>()), LoadPack().Taxonomy, Console.Out, cancel.Token),
        "export" => await WithHostAsync(mayStartOne: false, services => ExportCommand.RunAsync(
            CommandLine.Parse(rest, new HashSet<string> { "include-pii" }), services.GetRequiredService<IFeedbackStore>(), Console.Out, cancel.Token)),
        "reanalyse" => await WithHostAsync(
            mayStartOne: false,
            services => ReanalyseCommand.RunAsync(
                CommandLine.Parse(rest, new HashSet<string>()), services.GetRequiredService<IAnalysisOutbox>(), services.GetRequiredService<FeedbackAnalyser>(), TimeProvider.System, Console.Out, cancel.Token),
            AnalyzerFor(CommandLine.Parse(rest, new HashSet<string>()))),
        "import" => await WithHostAsync(mayStartOne: false, services => ImportCommand.RunAsync(
            CommandLine.Parse(rest, new HashSet<string> { "dry-run" }), ActivatorUtilities.CreateInstance<ProviderFileImport>(services),
            services.GetRequiredService<IAuditLog>(), TimeProvider.System, Console.Out, cancel.Token)),
        "api-clients" when !ApiClientsCommand.Verbs.Contains(rest.FirstOrDefault() ?? string.Empty) => throw new UsageException(ApiClientsCommand.Usage),
        "api-clients" => await WithHostAsync(mayStartOne: rest.FirstOrDefault() == "add", services => ApiClientsCommand.RunAsync(
            rest, services.GetRequiredService<QualityVoice.Feedback.Integrations.ApiClientRegistry>(), services.GetRequiredService<IAuditLog>(), TimeProvider.System, Console.Out, cancel.Token)),
        "recount" => await WithHostAsync(mayStartOne: false, services => RecountCommand.RunAsync(
            services.GetRequiredService<IInsightRecount>(), Console.Out, cancel.Token)),
        "seed" => await WithHostAsync(mayStartOne: true, services => SeedCommand.RunAsync(
            CommandLine.Parse(rest, new HashSet<string> { "if-empty" }), services.GetRequiredService<IFeedbackStore>(),
            services.GetRequiredService<ContentPack>(), TimeProvider.System, Console.Out, cancel.Token,
            services.GetService<QualityVoice.Feedback.Publishing.IUpdateStore>() is null ? null : ActivatorUtilities.CreateInstance<DemoHistory>(services))),
        "demo-accounts" => await WithHostAsync(mayStartOne: true, async services =>
        {
            await using var scope = services.CreateAsyncScope();
            return await DemoAccountsCommand.RunAsync(scope.ServiceProvider.GetRequiredService<StaffAccounts>(), Console.Out, cancel.Token);
        }),
        "users" when !UsersCommand.Verbs.Contains(rest.FirstOrDefault() ?? string.Empty) => throw new UsageException(UsersCommand.Usage),
        "users" => await WithHostAsync(mayStartOne: rest.FirstOrDefault() == "add", async services =>
        {
            await using var scope = services.CreateAsyncScope();
            return await UsersCommand.RunAsync(
                rest, scope.ServiceProvider.GetRequiredService<StaffAccounts>(), scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>(), Console.Out, cancel.Token);
        }),
        _ => throw new UsageException($"'{command}' is not a qv command."),
    };
}
catch (UsageException usage)
{
    Console.Error.WriteLine($"qv {command}: {usage.Message}");
    return 2;
}
catch (ImportProfileException profile)
{
    Console.Error.WriteLine($"qv {command}: {profile.Message}");
    return 1;
}
catch (ImportFileException file)
{
    Console.Error.WriteLine($"qv {command}: {file.Message}");
    return 1;
}
catch (ContentPackException pack)
{
    Console.Error.WriteLine($"qv {command}: the content pack is not usable: {pack.Message}");
    return 1;
}
catch (StoreConfigurationException settings)
{
    Console.Error.WriteLine($"qv {command}: the feedback store's settings cannot work: {settings.Message}");
    return 1;
}
catch (FineTuningException fineTuning)
{
    Console.Error.WriteLine($"qv {command}: fine-tuning the embedding model failed: {fineTuning.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine($"qv {command}: stopped");
    return 130;
}

// --model fast analyses with TF-IDF alone (the fast model); otherwise with sentence embeddings (the default).
static string? AnalyzerFor(CommandLine line) => line.Optional("model") switch
{
    null or "embedding" => null,
    "fast" => "Local",
    var other => throw new UsageException($"--model is fast or embedding, not '{other}'."),
};

static ContentOptions ContentOptionsFromEnvironment() =>
    new() { Pack = Environment.GetEnvironmentVariable("QV_CONTENT_PACK") is { Length: > 0 } pack ? pack : "nenc" };

static ContentPack LoadPack()
{
    var options = ContentOptionsFromEnvironment();
    return ContentPackLoader.Load(options.ResolveRoot(), options.Pack);
}

// The stores, analysis and accounts as the apps configure them (the same settings, from the environment),
// with their databases migrated, but no web server and no background worker. Only a command that may start a
// store (mayStartOne) runs on a data directory with none in it.
static async Task<int> WithHostAsync(bool mayStartOne, Func<IServiceProvider, Task<int>> run, string? analyzer = null)
{
    var builder = Host.CreateApplicationBuilder();
    DataDirectoryCheck.Check(builder.Configuration, mayStartOne, Console.Error);
    builder.Logging.ClearProviders();
    builder.Configuration["Analysis:Worker:Enabled"] = "false";
    if (analyzer is not null)
    {
        builder.Configuration["Analysis:Provider"] = analyzer;
    }

    builder.Configuration["Content:Pack"] ??= Environment.GetEnvironmentVariable("QV_CONTENT_PACK");
    builder.AddContentPack();
    builder.AddFeedbackStore();
    builder.AddEmbeddingTextAnalysis();
    builder.AddFeedbackAnalysisWorker();
    builder.AddStaffAccounts();
    using var host = builder.Build();
    await host.StartAsync();
    try
    {
        return await run(host.Services);
    }
    finally
    {
        await host.StopAsync();
    }
}
