using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Storage.Cosmos;
using QualityVoice.TestSupport;

namespace QualityVoice.Feedback.Tests.Infrastructure;

/// <summary>
/// infra/main.bicep builds without errors or linter warnings (the Bicep CLI from its NuGet package), declares the
/// containers exactly as the Cosmos store indexes them, gives each app every setting it needs in Production, and
/// keeps every secret in Key Vault.
/// </summary>
public sealed partial class InfrastructureTests
{
    private static readonly string Bicep = Path.Combine(Repository.Root, "infra", "main.bicep");

    private static readonly Lazy<Task<JsonDocument>> Compiled = new(BuildAsync);

    [Fact]
    public async Task The_template_builds_and_declares_the_containers_as_the_store_indexes_them()
    {
        var template = (await Compiled.Value).RootElement;
        var declared = template.GetProperty("variables").GetProperty("containers").EnumerateArray()
            .ToDictionary(container => container.GetProperty("name").GetString()!);
        var container = template.GetProperty("resources").GetProperty("cosmosContainers").GetProperty("properties").GetProperty("resource");

        Assert.Equal(CosmosContainers.PartitionKeyPath, Assert.Single(container.GetProperty("partitionKey").GetProperty("paths").EnumerateArray()).GetString());
        Assert.Equal(-1, container.GetProperty("defaultTtl").GetInt32());
        foreach (var (name, policy) in new (string, IndexingPolicy)[]
                 {
                     ("feedback", CosmosIndexing.Feedback()), ("equality-monitoring", CosmosIndexing.EqualityMonitoring()),
                     ("speak-up", CosmosIndexing.SpeakUp()), ("staff", CosmosIndexing.Staff()), ("audit", CosmosIndexing.Audit()),
                 })
        {
            var bicep = declared[name];
            Assert.Equal(
                policy.IncludedPaths.Select(path => path.Path).Where(path => path != "/pk/?"),
                bicep.GetProperty("included").EnumerateArray().Select(path => path.GetString()));
            Assert.Equal(["/*"], policy.ExcludedPaths.Select(path => path.Path));
            Assert.Equal(
                policy.CompositeIndexes.Select(index => $"{index[0].Path} asc, {index[1].Path} desc"),
                bicep.GetProperty("filteredBeforeSort").EnumerateArray().Select(field => $"{field.GetString()} asc, {bicep.GetProperty("sortKey").GetString()} desc"));
        }

        Assert.Equal(5, declared.Count);
    }

    [Fact]
    public async Task Both_apps_run_on_several_instances_and_a_browser_stays_with_one_back_office_instance()
    {
        var template = (await Compiled.Value).RootElement;
        var resources = template.GetProperty("resources");

        Assert.Equal(2, template.GetProperty("parameters").GetProperty("portalInstances").GetProperty("defaultValue").GetInt32());
        Assert.Equal(2, template.GetProperty("parameters").GetProperty("backOfficeInstances").GetProperty("defaultValue").GetInt32());
        Assert.False(resources.GetProperty("portal").GetProperty("properties").GetProperty("clientAffinityEnabled").GetBoolean());
        Assert.True(resources.GetProperty("backOffice").GetProperty("properties").GetProperty("clientAffinityEnabled").GetBoolean());
    }

    [Theory]
    [InlineData("portal", new[]
    {
        "ASPNETCORE_ENVIRONMENT", "AllowedHosts", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Content__Pack", "Feedback__Store",
        "Feedback__Cosmos__Endpoint", "Feedback__Cosmos__Database", "Feedback__TrackingKey", "Feedback__Cosmos__KeyRingCertificate",
        "BotCheck__ProofOfWork__Secret", "QualityVoice__DataDirectory", "RateLimits__Instances",
    })]
    [InlineData("backoffice", new[]
    {
        "ASPNETCORE_ENVIRONMENT", "AllowedHosts", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Content__Pack", "Feedback__Store",
        "Feedback__Cosmos__Endpoint", "Feedback__Cosmos__Database", "Feedback__TrackingKey", "Feedback__Cosmos__KeyRingCertificate",
        "QualityVoice__DataDirectory", "Analysis__Provider", "Analysis__AzureLanguage__Endpoint", "Publishing__PortalUrl",
        "Email__Delivery", "Email__Notify__ApiKey", "Email__Notify__TemplateId", "Email__SmtpHost", "Email__From", "Staff__EntraId__TenantId", "Staff__EntraId__ClientId",
        "Staff__EntraId__ClientSecret", "Staff__RequireTwoFactor", "RateLimits__Instances",
    })]
    public async Task Each_app_gets_every_setting_it_needs_in_Production_with_its_secrets_from_Key_Vault(string app, string[] required)
    {
        await Compiled.Value;
        var settings = SettingsOf(app);

        Assert.Empty(required.Except(settings.Keys, StringComparer.Ordinal));
        foreach (var (name, value) in settings.Where(setting => IsSecret(setting.Key)))
        {
            Assert.True(value.StartsWith("secret(keyVaultUri, ", StringComparison.Ordinal), $"{name} must be a Key Vault reference, not {value}");
        }

        // And no parameter carries a secret's value.
        var parameters = (await Compiled.Value).RootElement.GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name);
        Assert.DoesNotContain(parameters, name => IsSecret(name) || name.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_pipeline_tests_and_builds_once_then_deploys_that_artefact_to_staging_smoke_tests_it_and_waits_for_approval_before_production()
    {
        var pipeline = Yaml(Path.Combine(Repository.Root, "azure-pipelines.yml"));
        var stages = ((List<object>)pipeline["stages"]).Cast<Dictionary<object, object>>().ToArray();
        var deploy = Yaml(Path.Combine(Repository.Root, "infra", "pipelines", "deploy.yml"));
        var job = ((List<object>)deploy["jobs"]).Cast<Dictionary<object, object>>().Single();
        var steps = ((List<object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)job["strategy"])["runOnce"])["deploy"])["steps"])
            .Cast<Dictionary<object, object>>().ToArray();

        Assert.Equal(["Build", "Staging", "Production"], stages.Select(stage => (string)stage["stage"]));
        Assert.Equal("Build", stages[1]["dependsOn"]);
        Assert.Equal("Staging", stages[2]["dependsOn"]);
        var build = string.Join("\n", ((List<object>)((Dictionary<object, object>)((List<object>)stages[0]["jobs"])[0])["steps"]).Cast<Dictionary<object, object>>()
            .Select(step => step.TryGetValue("script", out var script) ? (string)script : string.Empty));
        Assert.Contains("./qv test", build, StringComparison.Ordinal);
        Assert.Contains("--no-build", build, StringComparison.Ordinal);
        foreach (var (stage, environment) in new[] { (stages[1], "qualityvoice-staging"), (stages[2], "qualityvoice-production") })
        {
            var uses = (Dictionary<object, object>)((List<object>)stage["jobs"])[0];
            Assert.Equal("infra/pipelines/deploy.yml", uses["template"]);
            Assert.Equal(environment, ((Dictionary<object, object>)uses["parameters"])["environment"]);
        }

        // A deployment job (which waits for the environment's approval) of the one release artefact: infrastructure,
        // both apps, then the smoke test.
        Assert.Equal("${{ parameters.environment }}", job["environment"]);
        Assert.Equal("release", steps[0]["artifact"]);
        Assert.Equal(["AzureCLI@2", "AzureWebApp@1", "AzureWebApp@1"], steps.Skip(1).Take(3).Select(step => (string)step["task"]));
        Assert.Contains("smoke-test.sh", (string)steps[4]["script"], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "infra", "smoke-test.sh")));
    }

    private static Dictionary<object, object> Yaml(string path) =>
        new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    private static bool IsSecret(string name) =>
        name.EndsWith("Secret", StringComparison.Ordinal) || name.EndsWith("Key", StringComparison.Ordinal)
        || name.EndsWith("Certificate", StringComparison.Ordinal) || name.EndsWith("Password", StringComparison.Ordinal);

    /// <summary>The app settings an app is given: the shared ones and its own, as written in the template.</summary>
    private static Dictionary<string, string> SettingsOf(string app)
    {
        var source = File.ReadAllText(Bicep);
        string Between(string from, string to) => source[source.IndexOf(from, StringComparison.Ordinal)..source.IndexOf(to, StringComparison.Ordinal)];
        var shared = Between("var sharedSettings", "var backOfficeRestrictions");
        var own = app == "portal" ? Between("var portalSiteConfig", "var backOfficeSiteConfig") : Between("var backOfficeSiteConfig", "resource portal ");
        return Setting().Matches(shared + own).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value.Trim(), StringComparer.Ordinal);
    }

    private static async Task<JsonDocument> BuildAsync()
    {
        var cli = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "BicepCli").Value!;
        // The CLI is the linux-x64 build (what CI runs on); NuGet does not keep the file's execute bit everywhere.
        Assert.True(OperatingSystem.IsLinux(), "The Bicep CLI restored for the tests is the linux-x64 one.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(cli, ["build", Bicep, "--stdout"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bicep = Process.Start(start)!;
        var output = bicep.StandardOutput.ReadToEndAsync();
        var errors = bicep.StandardError.ReadToEndAsync();
        await bicep.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(bicep.ExitCode == 0 && (await errors).Length == 0, $"bicep build infra/main.bicep:\n{await errors}");
        return JsonDocument.Parse(await output);
    }

    [GeneratedRegex(@"\{ name: '(?<name>[A-Za-z_]+)', value: (?<value>.+?) \}")]
    private static partial Regex Setting();
}
