using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.Staff.Accounts;

namespace QualityVoice.Staff.Hosting;

/// <summary>
/// As the host starts: migrates the staff database (on SQLite), creates the roles, and, for <c>./qv run</c>, the
/// development administrator when there are no accounts yet.
/// </summary>
internal sealed partial class StaffDatabaseInitializer(
    IServiceProvider services,
    IOptions<StaffStoreOptions> options,
    ILogger<StaffDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // On Cosmos DB the staff container is made with the feedback's, as the feedback store starts.
        if (services.GetKeyedService<SqliteDatabase>(StaffHostingExtensions.StaffDatabaseKey) is { } database)
        {
            await database.MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.EnsureRolesAsync();

        var administrator = options.Value.DevelopmentAdministrator;
        if (!administrator.Enabled || await accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        var generated = string.IsNullOrEmpty(administrator.Password);
        var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)) : administrator.Password!;
        var added = await accounts.AddAsync(administrator.Email, password, StaffRoles.Administrator, "QualityVoice (first start)", cancellationToken);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the development administrator {administrator.Email}: {string.Join(" ", added.Problems)}");
        }

        LogAdministratorCreated(logger);
        if (generated)
        {
            // Printed once, to the console only (never to a log sink), for the person who ran ./qv run.
            Console.WriteLine($"QualityVoice: sign in to the back office as {administrator.Email} with the password {password}");
            Console.WriteLine("QualityVoice: this password is shown only once. Set QV_ADMIN_PASSWORD to choose your own.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the development administrator")]
    private static partial void LogAdministratorCreated(ILogger logger);
}
