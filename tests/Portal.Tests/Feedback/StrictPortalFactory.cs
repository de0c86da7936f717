namespace QualityVoice.Portal.Tests.Feedback;

/// <summary>A portal that allows two forms an hour without JavaScript.</summary>
public sealed class StrictPortalFactory : PortalFactory
{
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["BotCheck:NoScriptSubmissionsPerHour"] = "2",
    };
}
