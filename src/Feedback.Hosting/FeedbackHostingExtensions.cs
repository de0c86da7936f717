using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Operations;
using QualityVoice.Feedback.Integrations;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Retention;
using QualityVoice.Feedback.Rights;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tracking;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Hosting;

/// <summary>Registers the feedback store and intake that the configuration names.</summary>
public static class FeedbackHostingExtensions
{
    /// <summary>
    /// Adds the configured feedback store (SQLite by default), the intake, and a readiness check that the
    /// database is reachable and migrated. The database is migrated as the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedbackStoreOptions>()
            .BindConfiguration(FeedbackStoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IRandomSource, SecureRandomSource>();

        var options = StoreOptions(builder);
        if (options.Store == "Cosmos")
        {
            AddCosmosStores(builder);
        }
        else
        {
            AddSqliteStores(builder, options);
        }

        builder.Services.AddSingleton<IAnalysisOutbox>(services => services.GetRequiredService<IFeedbackStore>());
        builder.Services.AddSingleton<IInboxQueries>(services => services.GetRequiredService<ITriageStore>());
        builder.Services.AddSingleton<ITrackingLookup>(services => services.GetRequiredService<IFeedbackStore>());
        builder.Services.AddSingleton(services =>
        {
            var configured = services.GetRequiredService<IOptions<FeedbackStoreOptions>>().Value.TrackingKey;
            return configured is { Length: > 0 }
                ? new PassphraseHasher(Convert.FromBase64String(configured))
                : PassphraseHasher.FromKeyFile(DataDirectory.Combine(builder.Configuration, "tracking.key"));
        });
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(options => options.Policy().IsValid, $"Retention:OriginalWordsMonths, and Retention:SpeakUpCaseMonths when set, must be whole numbers of months from 1 to {RetentionPolicy.MaximumMonths}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ReferenceIssuer>();
        builder.Services.AddSingleton<ApiClientRegistry>();
        builder.Services.AddSingleton<FeedbackIntake>();
        builder.Services.AddSingleton<SpeakUpIntake>();
        builder.Services.AddSingleton<ReferenceCheck>();

        return builder;
    }

    /// <summary>
    /// Adds the analysis worker, which analyses what arrives in the outbox. Needs an <c>ITextAnalyzer</c> and the
    /// content pack's <c>ThemeTaxonomy</c>. <c>Analysis:Worker:Enabled=false</c> leaves it out (to run it elsewhere);
    /// <c>Analysis:Worker:Nice</c> is the CPU priority the analysis runs at (19, the lowest, by default; 0 is the apps' own).
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackAnalysisWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedbackAnalyser>();
        if (builder.Configuration.GetValue("Analysis:Worker:Enabled", defaultValue: true))
        {
            // Beside the portal's intake on the same machine, analysis yields the processor (nice 19 by default: it still
            // has every idle cycle, and under a burst it falls behind rather than slowing the intake).
            var nice = builder.Configuration.GetValue("Analysis:Worker:Nice", defaultValue: 19);
            builder.Services.AddSingleton(_ => new LowPriorityScheduler(Math.Clamp(nice, 0, 19)));
            builder.Services.AddHostedService<FeedbackAnalysisWorker>();
        }

        return builder;
    }

    /// <summary>
    /// Adds what operations watch, for the app that answers for analysis and triage (the back office): a health check
    /// that is degraded when an item has waited for analysis longer than <c>Operations:AnalysisBacklogAgeLimit</c>, and
    /// the gauges of what waits (the analysis backlog, unacknowledged urgent items), read every
    /// <c>Operations:SampleInterval</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOperationsSignals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        builder.Services.AddHealthChecks().AddCheck<AnalysisBacklogHealthCheck>("analysis-backlog", HealthStatus.Degraded, ["ready"]);
        builder.Services.AddSingleton<OperationsSnapshot>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationsSnapshot>());
        return builder;
    }

    /// <summary>
    /// Adds what the app that answers for the data (the back office) does under the retention policy and people's
    /// rights: the retention worker, which applies <c>Retention</c>'s periods once a day (<c>Retention:Enabled=false</c>
    /// leaves it idle), and <see cref="FeedbackRights"/> and <see cref="SpeakUpRights"/> for subject access and erasure. Needs the audit log
    /// (<c>AddAuditLog</c>), which records both.
    /// </summary>
    public static IHostApplicationBuilder AddRetentionAndRights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedbackRights>();
        builder.Services.AddSingleton<SpeakUpRights>();
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionWorker>());
        return builder;
    }

    /// <summary>Whether the configuration names Cosmos DB as the store, for what else is kept beside the feedback (staff accounts).</summary>
    public static bool IsCosmosConfigured(this IHostApplicationBuilder builder) => StoreOptions(builder).Store == "Cosmos";

    /// <summary>The store options as configured, for choosing what to register.</summary>
    internal static FeedbackStoreOptions StoreOptions(IHostApplicationBuilder builder) =>
        builder.Configuration.GetSection(FeedbackStoreOptions.Section).Get<FeedbackStoreOptions>() ?? new();

    private static void AddSqliteStores(IHostApplicationBuilder builder, FeedbackStoreOptions options)
    {
        // One key ring for the portal, back office and command line on this machine, so that the back office can read a
        // contact address the portal encrypted.
        var keys = DataDirectory.Combine(builder.Configuration, "keys");
        PrivateFiles.CreateDirectory(keys);
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplication)
            .PersistKeysToFileSystem(new DirectoryInfo(keys));

        var feedbackDb = options.SqlitePath ?? DataDirectory.Combine(builder.Configuration, "feedback.db");
        var speakUpDb = options.SpeakUpSqlitePath ?? DataDirectory.Combine(builder.Configuration, "speak-up.db");
        builder.Services.AddKeyedSingleton(FeedbackDatabaseKey, new SqliteDatabase(feedbackDb, SqliteFeedbackStore.Migrations) { IntakeLockWait = options.IntakeLockWait });
        builder.Services.AddKeyedSingleton(SpeakUpDatabaseKey, new SqliteDatabase(speakUpDb, SqliteSpeakUpStore.Migrations) { IntakeLockWait = options.IntakeLockWait });
        builder.Services.AddSingleton<IFeedbackStore>(services =>
            new SqliteFeedbackStore(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton(services => new TrackingAttemptLedgers(
            new SqliteTrackingAttemptLedger(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)),
            new SqliteTrackingAttemptLedger(services.GetRequiredKeyedService<SqliteDatabase>(SpeakUpDatabaseKey))));
        builder.Services.AddSingleton(services => new SqliteSpeakUpStore(services.GetRequiredKeyedService<SqliteDatabase>(SpeakUpDatabaseKey)));
        builder.Services.AddSingleton<ISpeakUpPackRelease>(services => new SqliteSpeakUpPackRelease(services.GetRequiredKeyedService<SqliteDatabase>(SpeakUpDatabaseKey)));
        builder.Services.AddSingleton<ISpeakUpStore>(services => services.GetRequiredService<SqliteSpeakUpStore>());
        builder.Services.AddSingleton<ISpeakUpCasework>(services => services.GetRequiredService<SqliteSpeakUpStore>());
        builder.Services.AddSingleton<ITriageStore>(services =>
            new SqliteTriageStore(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IStaffNotices>(services =>
            new SqliteStaffNotices(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IReplyNotifications>(services =>
            new SqliteReplyNotifications(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IFeedbackConversation>(services =>
            new SqliteFeedbackConversation(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IUrgentQueue>(services =>
            new SqliteUrgentQueue(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IInsightQueries>(services =>
            new SqliteInsightQueries(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IInsightRecount, SqliteInsightRecount>();
        builder.Services.AddSingleton<IApiClientStore>(services =>
            new SqliteApiClientStore(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IServiceEscalations>(services =>
            new SqliteServiceEscalations(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IOtherIntelligence>(services =>
            new SqliteOtherIntelligence(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IOutreachPlans>(services =>
            new SqliteOutreachPlans(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IKeptReports>(services =>
            new SqliteKeptReports(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IRetentionStore>(services =>
            new SqliteRetention(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IPersonalDataStore>(services =>
            new SqlitePersonalData(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton(services => new SqliteUpdateStore(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddSingleton<IUpdateStore>(services => services.GetRequiredService<SqliteUpdateStore>());
        builder.Services.AddSingleton<IPublishedUpdates>(services => services.GetRequiredService<SqliteUpdateStore>());
        builder.Services.AddSingleton<IUpdateNotifications>(services =>
            new SqliteUpdateNotifications(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));
        builder.Services.AddHostedService(services => new SqliteMigrationHostedService(
            [services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey), services.GetRequiredKeyedService<SqliteDatabase>(SpeakUpDatabaseKey)]));
        foreach (var (name, key) in new[] { ("feedback-store", FeedbackDatabaseKey), ("speak-up-store", SpeakUpDatabaseKey) })
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                name,
                services => new SqliteReadinessCheck(services.GetRequiredKeyedService<SqliteDatabase>(key)),
                HealthStatus.Unhealthy,
                ["ready"]));
        }
    }

    private static void AddCosmosStores(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CosmosStoreOptions.Section).Get<CosmosStoreOptions>() ?? new();
        if (options.Endpoint is null)
        {
            throw new StoreConfigurationException("Feedback:Store is Cosmos, so Feedback:Cosmos:Endpoint must name the account.");
        }

        if (options.AcceptAnyServerCertificate && builder.Environment.IsProduction())
        {
            throw new StoreConfigurationException("Feedback:Cosmos:AcceptAnyServerCertificate is for a local emulator only and is refused in Production.");
        }

        options.CreateIfMissing ??= !builder.Environment.IsProduction();
        AddSharedKeyRing(builder, options);
        builder.Services.AddSingleton(new CosmosContainers(options));
        builder.Services.AddSingleton<IFeedbackStore, CosmosFeedbackStore>();
        builder.Services.AddSingleton(services =>
        {
            var containers = services.GetRequiredService<CosmosContainers>();
            return new TrackingAttemptLedgers(new CosmosTrackingAttemptLedger(containers.Feedback), new CosmosTrackingAttemptLedger(containers.SpeakUp));
        });
        builder.Services.AddSingleton<CosmosSpeakUpStore>();
        builder.Services.AddSingleton<ISpeakUpStore>(services => services.GetRequiredService<CosmosSpeakUpStore>());
        builder.Services.AddSingleton<ISpeakUpCasework>(services => services.GetRequiredService<CosmosSpeakUpStore>());
        builder.Services.AddSingleton<CosmosTriageStore>();
        builder.Services.AddSingleton<ITriageStore>(services => services.GetRequiredService<CosmosTriageStore>());
        builder.Services.AddSingleton<IFeedbackConversation>(services => services.GetRequiredService<CosmosTriageStore>());
        builder.Services.AddSingleton<IUrgentQueue>(services => services.GetRequiredService<CosmosTriageStore>());
        builder.Services.AddScoped<IInsightQueries, CosmosInsightQueries>();
        builder.Services.AddSingleton<IInsightRecount, CosmosInsightRecount>();
        builder.Services.AddSingleton<IApiClientStore, CosmosApiClientStore>();
        builder.Services.AddSingleton<IServiceEscalations, CosmosServiceEscalations>();
        builder.Services.AddSingleton<IOtherIntelligence, CosmosOtherIntelligence>();
        builder.Services.AddSingleton<IOutreachPlans, CosmosOutreachPlans>();
        builder.Services.AddSingleton<IKeptReports, CosmosKeptReports>();
        builder.Services.AddSingleton<IRetentionStore, CosmosRetention>();
        builder.Services.AddSingleton<IPersonalDataStore, CosmosPersonalData>();
        builder.Services.AddSingleton<IUsedChallenges, CosmosUsedChallenges>();
        builder.Services.AddSingleton<ISpeakUpPackRelease, CosmosSpeakUpPackRelease>();
        builder.Services.AddSingleton<CosmosUpdateStore>();
        builder.Services.AddSingleton<IUpdateStore>(services => services.GetRequiredService<CosmosUpdateStore>());
        builder.Services.AddSingleton<IPublishedUpdates>(services => services.GetRequiredService<CosmosUpdateStore>());
        builder.Services.AddSingleton<IUpdateNotifications, CosmosUpdateNotifications>();
        builder.Services.AddSingleton<IReplyNotifications, CosmosReplyNotifications>();
        builder.Services.AddSingleton<IStaffNotices, CosmosStaffNotices>();
        builder.Services.AddHostedService<CosmosStartup>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "cosmos", services => new CosmosReadinessCheck(services.GetRequiredService<CosmosContainers>().Shared), HealthStatus.Unhealthy, ["ready"]));
    }

    /// <summary>
    /// Data Protection's keys in the store every instance shares (<see cref="CosmosKeyRing"/>), encrypted with the
    /// certificate Key Vault holds; and, in Production, the secrets each instance would otherwise make for itself.
    /// </summary>
    private static void AddSharedKeyRing(IHostApplicationBuilder builder, CosmosStoreOptions options)
    {
        var production = builder.Environment.IsProduction();
        if (production && string.IsNullOrEmpty(builder.Configuration[$"{FeedbackStoreOptions.Section}:{nameof(FeedbackStoreOptions.TrackingKey)}"]))
        {
            throw new StoreConfigurationException(
                "Feedback:Store is Cosmos in Production, so Feedback:TrackingKey must be set (from Key Vault): every instance must hash passphrases with the same key, and a key file on one instance's disk would not be the others'.");
        }

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<CosmosContainers>((keys, containers) => keys.XmlRepository = new CosmosKeyRing(containers.Feedback));
        if (options.KeyRingCertificate is { Length: > 0 } pfx)
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(pfx), password: null);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (production)
        {
            throw new StoreConfigurationException(
                "Feedback:Store is Cosmos in Production, so Feedback:Cosmos:KeyRingCertificate must be set (a PFX certificate from Key Vault, base64): it encrypts the shared Data Protection keys before they are stored.");
        }
    }

    /// <summary>The name every app gives Data Protection, so that all of them read each other's protected data.</summary>
    private const string DataProtectionApplication = "QualityVoice";

    /// <summary>The DI key of the feedback database.</summary>
    public const string FeedbackDatabaseKey = "feedback";

    /// <summary>The DI key of the speak-up database.</summary>
    public const string SpeakUpDatabaseKey = "speak-up";
}
