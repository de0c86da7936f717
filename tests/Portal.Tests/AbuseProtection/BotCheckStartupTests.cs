using Microsoft.Extensions.Options;

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
    public void Recaptcha_without_its_keys_stops_start_up_with_a_clear_message()
    {
        using var portal = new RecaptchaWithoutKeys();

        var error = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("BotCheck:Recaptcha:SiteKey", error.Message, StringComparison.Ordinal);
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
