using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Sessions;
using QualityVoice.Staff.Storage;
using QualityVoice.Staff.Storage.Cosmos;

namespace QualityVoice.Staff.Hosting;

/// <summary>Registers staff accounts on the store the configuration names, beside the feedback.</summary>
public static class StaffHostingExtensions
{
    /// <summary>The DI key of the staff database (SQLite).</summary>
    public const string StaffDatabaseKey = "staff";

    /// <summary>
    /// Adds ASP.NET Core Identity's user and role managers with the account rules: passwords judged by length and by
    /// not being common (NCSC guidance), not by composition; no lockout (the sign-in throttle slows guessing instead, so
    /// nobody can lock a colleague out), server-side sessions. The accounts, role requests and sessions are kept where
    /// the feedback is: in <c>staff.db</c> on SQLite (one back-office instance), or in the <c>staff</c> container on
    /// Cosmos DB, which every instance shares. The host adds sign-in on top. The store is made ready, and the roles
    /// created, as the host starts.
    /// </summary>
    public static IdentityBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffStoreOptions>().BindConfiguration(StaffStoreOptions.Section);
        var options = builder.Configuration.GetSection(StaffStoreOptions.Section).Get<StaffStoreOptions>() ?? new();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<AuthenticatorSetUpLinks>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var instances = builder.Configuration.GetValue("RateLimits:Instances", defaultValue: 1);
        builder.Services.AddSingleton(services => new SignInThrottle(services.GetRequiredService<TimeProvider>(), instances));
        builder.Services.AddSingleton(services => new StaffSessionStore(
            services.GetRequiredService<IStaffSessionRecords>(),
            services.GetRequiredService<IDataProtectionProvider>(),
            services.GetRequiredService<TimeProvider>(),
            options.AbsoluteSessionLifetime));

        // The audit log, on the feedback's store (made ready before the initializer below records anything in it).
        builder.AddAuditLog();
        builder.Services.AddHostedService<StaffDatabaseInitializer>();

        var identity = builder.Services
            .AddIdentityCore<StaffUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.AllowedForNewUsers = false;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.Tokens.AuthenticatorTokenProvider = AuthenticatorCodes.ProviderName;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>();
        if (builder.IsCosmosConfigured())
        {
            AddCosmosStores(builder.Services, identity);
        }
        else
        {
            AddSqliteStores(builder, identity, options);
        }

        return identity
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName);
    }

    private static void AddSqliteStores(IHostApplicationBuilder builder, IdentityBuilder identity, StaffStoreOptions options)
    {
        var database = new SqliteDatabase(
            options.SqlitePath ?? DataDirectory.Combine(builder.Configuration, "staff.db"),
            SqliteMigrations.FromEmbeddedResources(typeof(StaffDbContext).Assembly, "QualityVoice.Staff.Storage.Migrations.staff."));
        builder.Services.AddKeyedSingleton(StaffDatabaseKey, database);
        builder.Services.AddDbContext<StaffDbContext>(db => db.UseSqlite($"Data Source={database.Path};Pooling=True"));
        builder.Services.AddScoped<IRoleRequests, SqliteRoleRequests>();
        builder.Services.AddScoped<IStaffAccountList, EfStaffAccountList>();
        builder.Services.AddSingleton<IStaffSessionRecords>(new SqliteStaffSessionRecords(database));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "staff-store", _ => new SqliteReadinessCheck(database), HealthStatus.Unhealthy, ["ready"]));
        identity.AddEntityFrameworkStores<StaffDbContext>();
    }

    private static void AddCosmosStores(IServiceCollection services, IdentityBuilder identity)
    {
        // The containers, their readiness check and their creation at start-up come with the feedback store.
        services.AddScoped<CosmosStaffUserStore>();
        services.AddScoped<IUserStore<StaffUser>>(provider => provider.GetRequiredService<CosmosStaffUserStore>());
        services.AddScoped<IStaffAccountList>(provider => provider.GetRequiredService<CosmosStaffUserStore>());
        services.AddScoped<IRoleRequests, CosmosRoleRequests>();
        services.AddSingleton<IStaffSessionRecords, CosmosStaffSessionRecords>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "staff-store", provider => new CosmosReadinessCheck([provider.GetRequiredService<CosmosContainers>().Staff]), HealthStatus.Unhealthy, ["ready"]));
        identity.AddRoleStore<CosmosStaffRoleStore>();
    }
}
