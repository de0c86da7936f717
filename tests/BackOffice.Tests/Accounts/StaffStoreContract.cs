using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.Hosting;
using QualityVoice.Staff.Sessions;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Accounts;

/// <summary>
/// Staff accounts, role requests and sessions on each store, as two back-office instances see them: what one instance
/// does, the other sees; two instances changing one account at once lose neither change silently; only one decision
/// on a role request takes effect.
/// </summary>
public abstract class StaffStoreContract : IAsyncLifetime
{
    private const string Password = "a long enough phrase for the tests";
    private const string Administrator = "admin@example.nhs.uk";
    private readonly TemporaryDirectory _data = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private IHost _one = null!;
    private IHost _two = null!;

    /// <summary>The first instance.</summary>
    protected IHost One => _one;

    /// <summary>The clock both instances read.</summary>
    protected ManualTimeProvider Clock => _clock;

    /// <summary>The settings that name the store (one store per test, which both instances share).</summary>
    protected abstract IReadOnlyDictionary<string, string?> StoreSettings();

    public async Task InitializeAsync()
    {
        var settings = StoreSettings();
        _one = await StartAsync(settings);
        _two = await StartAsync(settings);
        Assert.True((await AccountsAsync(_one, accounts => accounts.AddAsync(Administrator, Password, StaffRoles.Administrator, "tests"))).Succeeded);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _one, _two })
        {
            await host.StopAsync();
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task An_account_added_on_one_instance_signs_in_on_the_other_with_its_roles_and_its_name_is_unique()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("quality@example.nhs.uk", Password, StaffRoles.QualityTeam, Administrator));
        var again = await AccountsAsync(_two, accounts => accounts.AddAsync("quality@example.nhs.uk", "another long enough phrase", StaffRoles.EngagementTeam, Administrator));

        await using var scope = _two.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync("Quality@Example.NHS.uk"))!;
        Assert.True(again.Succeeded);
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Equal([StaffRoles.EngagementTeam, StaffRoles.QualityTeam], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        var duplicate = await users.CreateAsync(new StaffUser { UserName = "QUALITY@example.nhs.uk", Email = "QUALITY@example.nhs.uk" }, Password);
        Assert.Contains(duplicate.Errors, error => error.Code is "DuplicateUserName" or "DuplicateEmail");

        var listed = await AccountsAsync(_one, accounts => accounts.ListAsync());
        Assert.Equal([Administrator, "quality@example.nhs.uk"], listed.Select(account => account.Email));
        Assert.Equal(["quality@example.nhs.uk"], await AccountsAsync(_one, accounts => accounts.EmailsInRoleAsync(StaffRoles.QualityTeam)));
    }

    [Fact]
    public async Task A_guardian_waits_for_a_second_person_and_of_two_decisions_at_once_one_takes_effect()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("second@example.nhs.uk", Password, StaffRoles.Administrator, Administrator));
        var asked = await AccountsAsync(_one, accounts => accounts.AddAsync("guardian@example.nhs.uk", Password, StaffRoles.FtsuGuardian, Administrator));
        var askedAgain = await AccountsAsync(_two, accounts => accounts.GrantRoleAsync("guardian@example.nhs.uk", StaffRoles.FtsuGuardian, Administrator));
        var request = Assert.Single(await AccountsAsync(_two, accounts => accounts.WaitingRequestsAsync()));

        Assert.True(asked.AwaitingApproval);
        Assert.True(askedAgain.AwaitingApproval);
        Assert.Equal(("guardian@example.nhs.uk", StaffRoles.FtsuGuardian, Administrator), (request.Email, request.Role, request.RequestedBy));
        Assert.False((await AccountsAsync(_two, accounts => accounts.ApproveAsync(request.Id, Administrator))).Succeeded);

        var decisions = await Task.WhenAll(
            AccountsAsync(_one, accounts => accounts.ApproveAsync(request.Id, "second@example.nhs.uk")),
            AccountsAsync(_two, accounts => accounts.DeclineAsync(request.Id, "second@example.nhs.uk")));
        var approved = decisions[0].Succeeded;

        Assert.Single(decisions, decision => decision.Succeeded);
        Assert.Empty(await AccountsAsync(_one, accounts => accounts.WaitingRequestsAsync()));
        Assert.Equal(approved ? ["guardian@example.nhs.uk"] : [], await AccountsAsync(_two, accounts => accounts.GuardianEmailsAsync()));

        // Both instances announce requests: one at a time claims a request, and once it has told the guardians neither
        // tells them again. A claim whose instance stopped runs out, and the other takes it over.
        Assert.Equal([request.Id], (await AccountsAsync(_two, accounts => accounts.UnannouncedRequestsAsync())).Select(unannounced => unannounced.Id));
        Assert.True(await AccountsAsync(_one, accounts => accounts.TryClaimAnnouncementAsync(request.Id)));
        Assert.False(await AccountsAsync(_two, accounts => accounts.TryClaimAnnouncementAsync(request.Id)));
        _clock.Advance(StaffAccounts.AnnouncementClaim + TimeSpan.FromSeconds(1));
        Assert.True(await AccountsAsync(_two, accounts => accounts.TryClaimAnnouncementAsync(request.Id)));
        await AccountsAsync(_two, async accounts =>
        {
            await accounts.MarkAnnouncedAsync(request.Id);
            return true;
        });
        _clock.Advance(StaffAccounts.AnnouncementClaim + TimeSpan.FromSeconds(1));
        Assert.False(await AccountsAsync(_one, accounts => accounts.TryClaimAnnouncementAsync(request.Id)));
        Assert.Empty(await AccountsAsync(_two, accounts => accounts.UnannouncedRequestsAsync()));
    }

    [Fact]
    public async Task After_a_request_is_declined_the_role_can_be_asked_for_again()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("second@example.nhs.uk", Password, StaffRoles.Administrator, Administrator));
        await AccountsAsync(_one, accounts => accounts.AddAsync("guardian@example.nhs.uk", Password, StaffRoles.FtsuGuardian, Administrator));
        var first = Assert.Single(await AccountsAsync(_one, accounts => accounts.WaitingRequestsAsync()));
        Assert.True((await AccountsAsync(_two, accounts => accounts.DeclineAsync(first.Id, "second@example.nhs.uk"))).Succeeded);

        var again = await AccountsAsync(_two, accounts => accounts.GrantRoleAsync("guardian@example.nhs.uk", StaffRoles.FtsuGuardian, Administrator));

        Assert.True(again.AwaitingApproval);
        var second = Assert.Single(await AccountsAsync(_one, accounts => accounts.WaitingRequestsAsync()));
        Assert.NotEqual(first.Id, second.Id);
        Assert.True((await AccountsAsync(_one, accounts => accounts.ApproveAsync(second.Id, "second@example.nhs.uk"))).Succeeded);
        Assert.Equal(["guardian@example.nhs.uk"], await AccountsAsync(_two, accounts => accounts.GuardianEmailsAsync()));
    }

    [Fact]
    public async Task A_directory_sign_in_finds_one_account_on_either_instance_and_follows_the_directorys_roles()
    {
        var first = await AccountsAsync(_one, accounts => accounts.SignedInByDirectoryAsync(Directory("oid-1", StaffRoles.QualityTeam)));
        var next = await AccountsAsync(_two, accounts => accounts.SignedInByDirectoryAsync(Directory("oid-1", StaffRoles.EngagementTeam)));
        var stranger = await AccountsAsync(_two, accounts => accounts.SignedInByDirectoryAsync(Directory("oid-2", StaffRoles.QualityTeam)));

        Assert.Equal(first.User!.Id, next.User!.Id);
        await using var scope = _one.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([StaffRoles.EngagementTeam], await users.GetRolesAsync((await users.FindByLoginAsync("entra", "oid-1"))!));
        Assert.Null(stranger.User);
        Assert.Contains("already a QualityVoice account", stranger.Result.Problems.Single(), StringComparison.Ordinal);

        static DirectoryIdentity Directory(string key, string role) => new("entra", "Microsoft Entra ID", key, "directory@example.nhs.uk", [role]);
    }

    [Fact]
    public async Task A_set_up_link_made_on_one_instance_works_once_on_the_other()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("quality@example.nhs.uk", Password, StaffRoles.QualityTeam, Administrator));
        string? token;
        await using (var scope = _one.Services.CreateAsyncScope())
        {
            (token, _) = await scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>().CreateAsync("quality@example.nhs.uk", Administrator);
        }

        await using (var scope = _two.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var links = scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>();
            var user = (await users.FindByEmailAsync("quality@example.nhs.uk"))!;
            Assert.True(await links.IsValidAsync(user, token));
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            await links.UseAsync(user);
        }

        await using (var scope = _one.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("quality@example.nhs.uk"))!;
            Assert.False(await scope.ServiceProvider.GetRequiredService<AuthenticatorSetUpLinks>().IsValidAsync(user, token));
            Assert.False(string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)));
        }
    }

    [Fact]
    public async Task Two_instances_changing_one_account_at_once_lose_neither_change_silently()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("quality@example.nhs.uk", Password, StaffRoles.QualityTeam, Administrator));
        await using var onOne = _one.Services.CreateAsyncScope();
        await using var onTwo = _two.Services.CreateAsyncScope();
        var usersOne = onOne.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var usersTwo = onTwo.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var readByOne = (await usersOne.FindByEmailAsync("quality@example.nhs.uk"))!;
        var readByTwo = (await usersTwo.FindByEmailAsync("quality@example.nhs.uk"))!;

        Assert.True((await usersOne.AddToRoleAsync(readByOne, StaffRoles.EngagementTeam)).Succeeded);
        var late = await usersTwo.AddToRoleAsync(readByTwo, StaffRoles.Administrator);

        Assert.Equal("ConcurrencyFailure", Assert.Single(late.Errors).Code);
        await using var fresh = _two.Services.CreateAsyncScope();
        var users = fresh.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([StaffRoles.EngagementTeam, StaffRoles.QualityTeam], (await users.GetRolesAsync((await users.FindByEmailAsync("quality@example.nhs.uk"))!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_session_started_on_one_instance_is_open_on_the_other_until_it_ends_anywhere()
    {
        var one = _one.Services.GetRequiredService<StaffSessionStore>();
        var two = _two.Services.GetRequiredService<StaffSessionStore>();
        var first = await one.StoreAsync(Ticket("user-1"));
        var second = await one.StoreAsync(Ticket("user-1"));
        var someoneElse = await two.StoreAsync(Ticket("user-2"));

        Assert.Equal("user-1", (await two.RetrieveAsync(first))!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        await two.RenewAsync(first, Ticket("user-1", hours: 9));
        Assert.Equal(_clock.GetUtcNow().AddHours(9), (await one.RetrieveAsync(first))!.Properties.ExpiresUtc);

        await two.RemoveAsync(first);
        Assert.Null(await one.RetrieveAsync(first));

        // A renewal that raced with the sign-out (a copied cookie in use elsewhere) does not bring the session back.
        await one.RenewAsync(first, Ticket("user-1"));
        Assert.Null(await two.RetrieveAsync(first));
        Assert.NotNull(await one.RetrieveAsync(second));

        await one.EndAllAsync("user-1");
        Assert.Null(await two.RetrieveAsync(second));
        Assert.NotNull(await two.RetrieveAsync(someoneElse));

        // However busy, a session ends ten hours after sign-in.
        _clock.Advance(TimeSpan.FromHours(7));
        await one.RenewAsync(someoneElse, Ticket("user-2", hours: 8));
        _clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        Assert.Null(await two.RetrieveAsync(someoneElse));

        AuthenticationTicket Ticket(string userId, int hours = 8) => new(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")),
            new AuthenticationProperties { ExpiresUtc = _clock.GetUtcNow().AddHours(hours) },
            IdentityConstants.ApplicationScheme);
    }

    [Fact]
    public async Task An_account_disabled_on_one_instance_is_disabled_on_the_other_and_the_last_administrator_stays()
    {
        await AccountsAsync(_one, accounts => accounts.AddAsync("quality@example.nhs.uk", Password, StaffRoles.QualityTeam, Administrator));
        await AccountsAsync(_one, accounts => accounts.AddAsync("second@example.nhs.uk", Password, StaffRoles.Administrator, Administrator));

        Assert.True((await AccountsAsync(_two, accounts => accounts.DisableAsync("quality@example.nhs.uk", Administrator))).Succeeded);
        Assert.True((await AccountsAsync(_two, accounts => accounts.DisableAsync("second@example.nhs.uk", Administrator))).Succeeded);
        var last = await AccountsAsync(_one, accounts => accounts.DisableAsync(Administrator, "second@example.nhs.uk"));

        Assert.Contains("only administrator", last.Problems.Single(), StringComparison.Ordinal);
        var listed = (await AccountsAsync(_one, accounts => accounts.ListAsync())).ToDictionary(account => account.Email, account => account.Disabled);
        Assert.Equal(new Dictionary<string, bool> { [Administrator] = false, ["quality@example.nhs.uk"] = true, ["second@example.nhs.uk"] = true }, listed);
        Assert.Empty(await AccountsAsync(_one, accounts => accounts.EmailsInRoleAsync(StaffRoles.QualityTeam)));
    }

    private static async Task<T> AccountsAsync<T>(IHost host, Func<StaffAccounts, Task<T>> act)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }

    private async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration["QualityVoice:DataDirectory"] = _data.Path;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.AddFeedbackStore();
        builder.AddStaffAccounts();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

/// <summary>Staff accounts in <c>staff.db</c>: two processes on one machine share the file.</summary>
public sealed class SqliteStaffStoreTests : StaffStoreContract
{
    protected override IReadOnlyDictionary<string, string?> StoreSettings() => new Dictionary<string, string?>();
}

/// <summary>One Cosmos DB account for the staff store's tests: the protocol peer on loopback, or COSMOS_ENDPOINT.</summary>
public sealed class StaffCosmosAccount : IAsyncLifetime
{
    public CosmosDbServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CosmosDbServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Staff accounts in the <c>staff</c> container, which every back-office instance shares.</summary>
public sealed class CosmosStaffStoreTests(StaffCosmosAccount account) : StaffStoreContract, IClassFixture<StaffCosmosAccount>
{
    [Fact]
    public async Task A_name_claimed_by_an_account_that_was_never_saved_is_free_again_a_minute_later()
    {
        // What an instance that stopped between claiming the name and saving the account leaves: the claim alone.
        await One.Services.GetRequiredService<CosmosContainers>().Staff.CreateItemAsync(
            new { id = "name:" + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("GHOST@EXAMPLE.NHS.UK")), pk = "accounts", type = "pointer", userId = "never-saved" },
            new PartitionKey("accounts"));

        Clock.Set(TimeProvider.System.GetUtcNow());
        var meanwhile = await AddAsync();
        Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await AddAsync();

        Assert.False(meanwhile.Succeeded);
        Assert.True(later.Succeeded, string.Join(" ", later.Problems));
        await using var scope = One.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal("ghost@example.nhs.uk", (await users.FindByNameAsync("GHOST@EXAMPLE.NHS.UK"))?.Email);

        async Task<AccountResult> AddAsync()
        {
            await using var scope = One.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("ghost@example.nhs.uk", "a long enough phrase for the tests", StaffRoles.QualityTeam, "admin@example.nhs.uk");
        }
    }

    [Fact]
    public async Task A_session_document_holds_only_an_encrypted_ticket_and_expires_a_minute_after_the_session_would()
    {
        var sessions = One.Services.GetRequiredService<StaffSessionStore>();
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Email, "quality@example.nhs.uk")], "test")),
            new AuthenticationProperties { ExpiresUtc = Clock.GetUtcNow().AddHours(8) },
            IdentityConstants.ApplicationScheme);
        var id = await sessions.StoreAsync(ticket);
        Clock.Advance(TimeSpan.FromHours(2));
        await sessions.RenewAsync(id, new AuthenticationTicket(ticket.Principal, new AuthenticationProperties { ExpiresUtc = Clock.GetUtcNow().AddHours(8) }, ticket.AuthenticationScheme));

        using var response = await One.Services.GetRequiredService<CosmosContainers>().Staff.ReadItemStreamAsync(id, new PartitionKey("sessions"));
        using var document = await JsonDocument.ParseAsync(response.Content);

        Assert.Equal((8 * 3600) + 60, document.RootElement.GetProperty("ttl").GetInt32());
        Assert.DoesNotContain("quality@example.nhs.uk", document.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("quality@example.nhs.uk", Encoding.UTF8.GetString(document.RootElement.GetProperty("ticket").GetBytesFromBase64()), StringComparison.Ordinal);
    }

    protected override IReadOnlyDictionary<string, string?> StoreSettings() => new Dictionary<string, string?>
    {
        ["Feedback:Store"] = "Cosmos",
        ["Feedback:Cosmos:Endpoint"] = account.Server.Endpoint.ToString(),
        ["Feedback:Cosmos:Key"] = account.Server.Key,
        ["Feedback:Cosmos:Database"] = "qv-staff-" + Guid.NewGuid().ToString("N")[..8],
        ["Feedback:Cosmos:AcceptAnyServerCertificate"] = account.Server.IsProtocolPeer ? "true" : "false",
    };
}
