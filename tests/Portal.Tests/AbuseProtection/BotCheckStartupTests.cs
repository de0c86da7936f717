using Microsoft.Extensions.Options;
using QualityVoice.Portal.Features.AbuseProtection;

namespace QualityVoice.Portal.Tests.AbuseProtection;

public sealed class BotCheckStartupTests
{
    [Fact]
    public void Production_refuses_to_start_with_the_bot_check_off()
    {
        using var portal = new ProductionWithoutBotCheck();

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("BotCheck:Mode=Off is not allowed in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_cosmos_in_production_every_portal_instance_must_be_given_the_same_proof_of_work_secret()
    {
        var shared = new BotCheckOptions { IsProduction = true, IsSharedByInstances = true };
        var alone = new BotCheckOptions { IsProduction = true, IsSharedByInstances = false };

        var problems = shared.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(shared)).Select(problem => problem.ErrorMessage).ToArray();
        shared.ProofOfWork.Secret = Convert.ToBase64String(new byte[32]);

        Assert.Contains(problems, problem => problem!.StartsWith("BotCheck:ProofOfWork:Secret must be set", StringComparison.Ordinal));
        Assert.Empty(shared.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(shared)));
        Assert.Empty(alone.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(alone)));
    }

    [Fact]
    public void Recaptcha_without_its_keys_stops_start_up_with_a_clear_message()
    {
        using var portal = new RecaptchaWithoutKeys();

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("BotCheck:Recaptcha:SiteKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recaptcha_s_script_and_frame_origins_are_in_the_content_security_policy_only_in_that_mode()
    {
        using var recaptcha = new RecaptchaPortal();
        using var proofOfWork = new PortalFactory();

        using var withGoogle = await recaptcha.CreateClient().GetAsync(new Uri("/feedback", UriKind.Relative));
        using var without = await proofOfWork.CreateClient().GetAsync(new Uri("/feedback", UriKind.Relative));

        var policy = withGoogle.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("google", without.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private sealed class RecaptchaPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["BotCheck:Mode"] = "Recaptcha",
            ["BotCheck:Recaptcha:SiteKey"] = "site-key",
            ["BotCheck:Recaptcha:SecretKey"] = "secret-key",
            ["BotCheck:Recaptcha:Hostnames:0"] = "localhost",
        };
    }

    private sealed class ProductionWithoutBotCheck : PortalFactory
    {
        protected override string EnvironmentName => "Production";

        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["BotCheck:Mode"] = "Off",
            ["AllowedHosts"] = "localhost",
        };
    }

    private sealed class RecaptchaWithoutKeys : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["BotCheck:Mode"] = "Recaptcha" };
    }
}
