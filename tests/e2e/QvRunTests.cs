namespace QualityVoice.E2E;

public sealed class QvRunTests
{
    [Fact]
    public async Task Qv_run_prints_both_addresses_and_stops_both_apps_on_sigterm()
    {
        await using var apps = await RunningApps.StartAsync();

        Assert.Contains($"Portal:      {apps.Portal.ToString().TrimEnd('/')}", apps.Output, StringComparison.Ordinal);
        Assert.Contains($"Back office: {apps.BackOffice.ToString().TrimEnd('/')}", apps.Output, StringComparison.Ordinal);
        Assert.True(await RunningApps.AnswersAsync(apps.Portal));
        Assert.True(await RunningApps.AnswersAsync(apps.BackOffice));

        var exitCode = await apps.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.False(await RunningApps.AnswersAsync(apps.Portal));
        Assert.False(await RunningApps.AnswersAsync(apps.BackOffice));
    }

    [Fact]
    public async Task Public_pages_are_revalidated_by_etag_and_fingerprinted_assets_kept_for_a_year()
    {
        await using var apps = await RunningApps.StartAsync();
        using var http = new HttpClient();

        using var home = await http.GetAsync(apps.Portal);
        var etag = home.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(home.Headers.CacheControl!.NoCache);
        using var again = new HttpRequestMessage(HttpMethod.Get, apps.Portal);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);

        var stylesheets = System.Text.RegularExpressions.Regex.Matches(await home.Content.ReadAsStringAsync(), "href=\"(/_content/[^\"]+\\.css)\"")
            .Select(match => match.Groups[1].Value)
            .ToArray();
        Assert.NotEmpty(stylesheets);
        foreach (var stylesheet in stylesheets)
        {
            using var response = await http.GetAsync(new Uri(apps.Portal, stylesheet));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.Contains(response.Headers.CacheControl.Extensions, extension => extension.Name == "immutable");
        }
    }

    [Fact]
    public async Task Qv_run_creates_the_database_and_the_administrator_with_a_generated_password_printed_once()
    {
        await using var apps = await RunningApps.StartAsync(new Dictionary<string, string> { ["QV_ADMIN_PASSWORD"] = string.Empty });

        Assert.Matches($"sign in to the back office as {Accounts.AdministratorEmail} with the password \\S{{20}}", apps.Output);
        Assert.True(File.Exists(Path.Combine(apps.DataDirectory, "feedback.db")));
        Assert.True(File.Exists(Path.Combine(apps.DataDirectory, "staff.db")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Data_files_and_keys_are_readable_by_their_owner_only_and_no_answer_names_the_server()
    {
        await using var apps = await RunningApps.StartAsync();
        using var http = new HttpClient();

        foreach (var site in new[] { apps.Portal, apps.BackOffice })
        {
            using var response = await http.GetAsync(new Uri(site, "/health/live"));
            Assert.False(response.Headers.Contains("Server"), $"{site} sends a Server header");
        }

        // A challenge makes the proof-of-work key, and starting a form (its draft is protected) the Data Protection key ring.
        using (await http.GetAsync(new Uri(apps.Portal, "/bot-check/challenge")))
        using (await http.PostAsync(new Uri(apps.Portal, "/feedback"), new FormUrlEncodedContent([])))
        {
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(apps.DataDirectory, "keys")));
        foreach (var file in new[] { "feedback.db", "speak-up.db", "staff.db", "audit.db", "bot-check.key" })
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(apps.DataDirectory, file)));
        }

        foreach (var folder in new[] { apps.DataDirectory, Path.Combine(apps.DataDirectory, "keys") })
        {
            Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }
}
