using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Feedback.Tracking;

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

        var options = builder.Configuration.GetSection(FeedbackStoreOptions.Section).Get<FeedbackStoreOptions>() ?? new();
        var feedbackDb = options.SqlitePath ?? DataDirectory.Combine(builder.Configuration, "feedback.db");
        builder.Services.AddKeyedSingleton(FeedbackDatabaseKey, new SqliteDatabase(feedbackDb, SqliteFeedbackStore.Migrations));
        builder.Services.AddSingleton<IFeedbackStore>(services =>
            new SqliteFeedbackStore(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)));

        builder.Services.AddSingleton(services =>
        {
            var configured = services.GetRequiredService<IOptions<FeedbackStoreOptions>>().Value.TrackingKey;
            return configured is { Length: > 0 }
                ? new PassphraseHasher(Convert.FromBase64String(configured))
                : PassphraseHasher.FromKeyFile(DataDirectory.Combine(builder.Configuration, "tracking.key"));
        });
        builder.Services.AddSingleton<FeedbackIntake>();

        builder.Services.AddHostedService(services => new SqliteMigrationHostedService(
            [services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)]));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "feedback-store",
            services => new SqliteReadinessCheck(services.GetRequiredKeyedService<SqliteDatabase>(FeedbackDatabaseKey)),
            HealthStatus.Unhealthy,
            ["ready"]));
        return builder;
    }

    /// <summary>The DI key of the feedback database.</summary>
    public const string FeedbackDatabaseKey = "feedback";
}
