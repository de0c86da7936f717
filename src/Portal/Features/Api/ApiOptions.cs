using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Portal.Features.Api;

/// <summary>The integrations trusted to call the API with a key instead of the bot check. Bound from <c>Api</c>.</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>The trusted integrations configured by the hash of their key (deployments before <c>./qv api-clients</c>).</summary>
    public List<ApiClientOptions> Clients { get; set; } = [];

    /// <summary>How often each instance reads the issued keys again: a new or revoked key takes effect within this.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var client in Clients)
        {
            if (string.IsNullOrWhiteSpace(client.Name) || client.Name.Length > 64)
            {
                yield return new ValidationResult("Each Api:Clients entry needs a Name of 1 to 64 characters.");
            }

            if (client.KeySha256 is not { Length: 64 } hash || !hash.All(Uri.IsHexDigit))
            {
                yield return new ValidationResult($"Api:Clients '{client.Name}' needs KeySha256: the SHA-256 of its key, as 64 hex digits.");
            }
        }
    }
}

/// <summary>One trusted integration, such as a trust's SMS survey supplier.</summary>
public sealed class ApiClientOptions
{
    /// <summary>Its name: the scope of its idempotency keys and its rate limit.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The SHA-256 of its API key, hex: the key itself is never configured or stored.</summary>
    public string KeySha256 { get; set; } = string.Empty;
}
