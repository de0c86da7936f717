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
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Sessions;
using QualityVoice.Staff.Storage;

namespace QualityVoice.Staff.Hosting;

/// <summary>Registers staff accounts on their relational store.</summary>
public static class StaffHostingExtensions
{
    /// <summary>The DI key of the staff database.</summary>
    public const string StaffDatabaseKey = "staff";

    /// <summary>
    /// Adds ASP.NET Core Identity's user and role managers on the staff database (SQLite), with the account
    /// rules: passwords judged by length and by not being common (NCSC guidance), not by composition; no lockout
    /// (the sign-in throttle slows guessing instead, so nobody can lock a colleague out), server-side sessions.
    /// The host adds sign-in on top. The database is migrated, and the roles created, as the host starts.
    /// </summary>
    public static IdentityBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffStoreOptions>().BindConfiguration(StaffStoreOptions.Section);
        var options = builder.Configuration.GetSection(StaffStoreOptions.Section).Get<StaffStoreOptions>() ?? new();
        var database = new SqliteDatabase(
            options.SqlitePath ?? DataDirectory.Combine(builder.Configuration, "staff.db"),
            SqliteMigrations.FromEmbeddedResources(typeof(StaffDbContext).Assembly, "QualityVoice.Staff.Storage.Migrations.staff."));
        builder.Services.AddKeyedSingleton(StaffDatabaseKey, database);
        builder.Services.AddDbContext<StaffDbContext>(db => db.UseSqlite($"Data Source={database.Path};Pooling=True"));

        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<AuthenticatorSetUpLinks>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton(services => new StaffSessionStore(
            services.GetRequiredKeyedService<SqliteDatabase>(StaffDatabaseKey),
            services.GetRequiredService<IDataProtectionProvider>(),
            services.GetRequiredService<TimeProvider>(),
            options.AbsoluteSessionLifetime));

        // The audit log, on the feedback's store (migrated before the initializer below records anything in it).
        builder.AddAuditLog();
        builder.Services.AddHostedService<StaffDatabaseInitializer>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "staff-store",
            services => new SqliteReadinessCheck(services.GetRequiredKeyedService<SqliteDatabase>(StaffDatabaseKey)),
            HealthStatus.Unhealthy,
            ["ready"]));

        return builder.Services
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
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName);
    }
}
