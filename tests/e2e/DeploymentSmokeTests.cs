using System.Diagnostics;

namespace QualityVoice.E2E;

/// <summary>
/// The smoke test the pipeline runs after each deployment (infra/smoke-test.sh) passes against the running apps, on
/// each store: both ready, and one submission through the API answered with a reference.
/// </summary>
public abstract class DeploymentSmokeJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task The_pipeline_s_smoke_test_passes_against_the_running_apps()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RunningApps.RepositoryRoot, "infra", "smoke-test.sh"), fixture.Apps.Portal.ToString().TrimEnd('/'), fixture.Apps.BackOffice.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["QV_SMOKE_API_KEY"] = BrowserFixture.SmokeApiKey;
        using var smoke = Process.Start(start)!;
        var output = smoke.StandardOutput.ReadToEndAsync();
        var errors = smoke.StandardError.ReadToEndAsync();
        await smoke.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(smoke.ExitCode == 0, $"infra/smoke-test.sh failed:\n{await output}\n{await errors}");
        Assert.Contains("smoke test passed", await output, StringComparison.Ordinal);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class DeploymentSmokeTests(BrowserFixture fixture) : DeploymentSmokeJourney(fixture);

[Collection(CosmosBrowserCollection.Name)]
public sealed class DeploymentSmokeOnCosmosTests(CosmosBrowserFixture fixture) : DeploymentSmokeJourney(fixture);
