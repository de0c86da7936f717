using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;

namespace QualityVoice.Feedback.Hosting;

/// <summary>Registers the audit log on the store the configuration names, beside the feedback.</summary>
public static class AuditLogHostingExtensions
{
    /// <summary>The DI key of the audit database (SQLite).</summary>
    public const string AuditDatabaseKey = "audit";

    /// <summary>
    /// Adds the audit log: on SQLite its own append-only file (<c>audit.db</c>, or <c>Feedback:AuditSqlitePath</c>),
    /// migrated as the host starts; on Cosmos DB the <c>audit</c> container every instance shares.
    /// </summary>
    public static IHostApplicationBuilder AddAuditLog(this IHostApplicationBuilder builder)
    {
        var options = FeedbackHostingExtensions.StoreOptions(builder);
        if (options.Store == "Cosmos")
        {
            builder.Services.AddSingleton<IAuditLog, CosmosAuditLog>();
            return builder;
        }

        var audit = new SqliteDatabase(options.AuditSqlitePath ?? DataDirectory.Combine(builder.Configuration, "audit.db"), SqliteAuditLog.Migrations);
        builder.Services.AddKeyedSingleton(AuditDatabaseKey, audit);
        builder.Services.AddSingleton<IAuditLog>(new SqliteAuditLog(audit));
        // Not AddHostedService: it adds one service of a type, and the feedback store's migrations are the same type.
        builder.Services.AddSingleton<IHostedService>(_ => new SqliteMigrationHostedService([audit]));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "audit-log", _ => new SqliteReadinessCheck(audit), HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }
}
