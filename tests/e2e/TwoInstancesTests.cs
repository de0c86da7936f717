using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.TestSupport;

namespace QualityVoice.E2E;

/// <summary>
/// Two instances of each app (two <c>./qv run</c>s, as two machines would run them) on one Cosmos DB store, with the
/// secrets production gives every instance from Key Vault: a passphrase issued by one portal opens the feedback on the
/// other, a form started on one is finished on the other, staff sign in on one back office and act on the other (and
/// signing out on one ends the session on both), a
/// contact address one portal encrypted is written to by whichever back office sends, and a thousand submissions
/// spread over both portals are each analysed exactly once by the two back offices' workers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstancesTests
{
    private const string ApiKey = "two-instances-api-key-0123456789abcdef";

    [Fact]
    public async Task Every_journey_works_across_two_instances_of_each_app_on_one_store()
    {
        await using var account = await CosmosDbServer.StartAsync();
        await using var mail = await MailDev.StartAsync();
        var settings = new Dictionary<string, string>(mail.AppEnvironment)
        {
            ["Feedback__Store"] = "Cosmos",
            ["Feedback__Cosmos__Endpoint"] = account.Endpoint.ToString(),
            ["Feedback__Cosmos__Key"] = account.Key,
            ["Feedback__Cosmos__Database"] = "qv-two-" + Guid.NewGuid().ToString("N")[..8],
            ["Feedback__Cosmos__AcceptAnyServerCertificate"] = account.IsProtocolPeer ? "true" : "false",
            // What Key Vault gives every instance in production (ADR 0017).
            ["Feedback__TrackingKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["BotCheck__ProofOfWork__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Publishing__WorkerInterval"] = "00:00:01",
            ["Analysis__Provider"] = "Local",
            ["Api__Clients__0__Name"] = "two-instances",
            ["Api__Clients__0__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["RateLimits__FormRequestsPerTenMinutes"] = "10000",
            ["RateLimits__TrackingAttemptsPerMinute"] = "10000",
        };

        // One after the other: the first creates the store's containers and the development administrator.
        await using var one = await RunningApps.StartAsync(settings);
        await using var two = await RunningApps.StartAsync(settings);
        var cookies = new CookieContainer();
        using var portalOne = Client(one.Portal, cookies);
        using var portalTwo = Client(two.Portal, cookies);
        using var backOfficeOne = Client(one.BackOffice, cookies);
        using var backOfficeTwo = Client(two.BackOffice, cookies);

        // A passphrase issued by one portal, and a form started on it, work on the other.
        var patientEmail = $"patient-{Guid.NewGuid():N}@example.org";
        var (reference, passphrase) = await SubmitAsync(portalOne, "The ambulance came two hours late and nobody rang us", patientEmail);
        var track = await portalOne.GetPageAsync("/track");
        using (var tracked = await portalTwo.SubmitAsync(track, [new("Reference", reference), new("Passphrase", passphrase)]))
        {
            await tracked.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Contains(reference, (await tracked.ReadPageAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        // Staff sign in on one back office and reply on the other; the patient's e-mail (encrypted by portal one) arrives.
        var signIn = await backOfficeOne.GetPageAsync("/account/sign-in");
        using (var signedIn = await backOfficeOne.SubmitAsync(signIn, [new("Input.Email", Accounts.AdministratorEmail), new("Input.Password", Accounts.Password)]))
        {
            await signedIn.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        var item = await backOfficeTwo.GetPageAsync($"/inbox/{reference}");
        const string Reply = "We are sorry. We have asked the ambulance service to look into the delay.";
        using (var replied = await backOfficeTwo.SubmitAsync(item, [new("Reply", Reply)], "form[action*='handler=Reply']"))
        {
            await replied.ShouldBeAsync(HttpStatusCode.Redirect);
        }

        await WaitForAsync(async () => (await mail.EmailsAsync()).Any(email => email.GetRawText().Contains(patientEmail, StringComparison.Ordinal)), "the reply's e-mail to the patient");

        // Signing out on one back office ends the session on both: sessions are in the store they share.
        var inbox = await backOfficeOne.GetPageAsync("/inbox");
        using (var signedOut = await backOfficeTwo.SubmitAsync(inbox, [], "form.nhsuk-header__account-form"))
        {
            Assert.Equal("/account/signed-out", signedOut.Headers.Location!.OriginalString);
        }

        using (var afterSignOut = await backOfficeOne.GetAsync(new Uri("/inbox", UriKind.Relative)))
        {
            await afterSignOut.ShouldBeAsync(HttpStatusCode.Redirect);
            Assert.StartsWith("/account/sign-in", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // A thousand submissions over both portals: each analysed exactly once by the two back offices' workers.
        var references = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var (submitted, _) = await SubmitAsync(n % 2 == 0 ? portalOne : portalTwo, $"Submission {n}: the wait in the department was long", null);
            lock (references)
            {
                references.Add(submitted);
            }
        });
        Assert.Equal(1000, references.Distinct(StringComparer.Ordinal).Count());

        using var containers = new CosmosContainers(new CosmosStoreOptions
        {
            Endpoint = account.Endpoint,
            Key = account.Key,
            Database = settings["Feedback__Cosmos__Database"],
            AcceptAnyServerCertificate = account.IsProtocolPeer,
        });
        var store = new CosmosFeedbackStore(containers);
        await WaitForAsync(async () => (await store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting == 0, "the backlog to empty", TimeSpan.FromMinutes(3));
        var claims = await ClaimsAsync(containers.Feedback);
        Assert.Equal(1001, claims.Count);
        Assert.All(claims, claim => Assert.Equal(1, claim.Value));
    }

    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(string Reference, string Passphrase)> SubmitAsync(HttpClient portal, string text, string? contactEmail)
    {
        var body = new Dictionary<string, object>
        {
            ["kind"] = "patient",
            ["service"] = "rx6-pts",
            ["fftRating"] = "poor",
            ["whatCouldImprove"] = text,
            ["month"] = "2026-11",
        };
        if (contactEmail is not null)
        {
            body["contactEmail"] = contactEmail;
            body["consentToContact"] = true;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await portal.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (receipt.RootElement.GetProperty("reference").GetString()!, receipt.RootElement.GetProperty("passphrase").GetString()!);
    }

    /// <summary>How many times each item of this month was claimed for analysis (a claim is the only way to analyse).</summary>
    private static async Task<Dictionary<string, int>> ClaimsAsync(Container feedback)
    {
        var month = TimeProvider.System.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var query = new QueryDefinition("SELECT c.id, c.analysisAttempts FROM c WHERE c.pk = @pk AND c.type = 'item'").WithParameter("@pk", month);
        var claims = new Dictionary<string, int>(StringComparer.Ordinal);
        using var iterator = feedback.GetItemQueryIterator<JsonElement>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(month) });
        while (iterator.HasMoreResults)
        {
            foreach (var document in await iterator.ReadNextAsync())
            {
                claims[document.GetProperty("id").GetString()!] = document.GetProperty("analysisAttempts").GetInt32();
            }
        }

        return claims;
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what, TimeSpan? within = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (within ?? TimeSpan.FromSeconds(30));
        while (!await done())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Waited too long for {what}.");
            }

            await Task.Delay(250);
        }
    }
}
