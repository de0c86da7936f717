namespace QualityVoice.Email.Notify;

/// <summary>
/// GOV.UK Notify, when <c>Email:Delivery</c> is <c>Notify</c>. Bound from <c>Email:Notify</c>. The service's e-mail
/// template has the subject <c>((subject))</c> and the body <c>((body))</c>: QualityVoice writes each message itself.
/// </summary>
public sealed class NotifyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email:Notify";

    /// <summary>Notify's API (its public address unless a test's loopback server).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk/");

    /// <summary>The API key, from Key Vault: <c>{key name}-{service id}-{secret key}</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The id of the e-mail template whose subject is <c>((subject))</c> and body <c>((body))</c>.</summary>
    public string? TemplateId { get; set; }

    /// <summary>The id of a reply-to address set up on the Notify service, if replies should go somewhere.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>What is missing or wrong, for start-up to refuse with; empty when the options can send.</summary>
    public IEnumerable<string> Problems()
    {
        if (!NotifyApiKey.TryParse(ApiKey, out _))
        {
            yield return "Email:Notify:ApiKey must be a GOV.UK Notify API key (its name, the service id and the secret key).";
        }

        if (!Guid.TryParse(TemplateId, out _))
        {
            yield return "Email:Notify:TemplateId must be the id of the Notify e-mail template whose subject is ((subject)) and body ((body)).";
        }
    }
}

/// <summary>A Notify API key's two working parts: the service id (the token's issuer) and the secret that signs it.</summary>
public sealed record NotifyApiKey(string ServiceId, string Secret)
{
    private const int GuidLength = 36;

    /// <summary>Reads a key: whatever its name, it ends with the service id and the secret key, each a GUID.</summary>
    public static bool TryParse(string? key, out NotifyApiKey parsed)
    {
        parsed = new NotifyApiKey(string.Empty, string.Empty);
        if (key is null || key.Length < (2 * GuidLength) + 1)
        {
            return false;
        }

        var secret = key[^GuidLength..];
        var serviceId = key[^((2 * GuidLength) + 1)..^(GuidLength + 1)];
        if (!Guid.TryParse(secret, out _) || !Guid.TryParse(serviceId, out _) || key[^(GuidLength + 1)] != '-')
        {
            return false;
        }

        parsed = new NotifyApiKey(serviceId, secret);
        return true;
    }
}
