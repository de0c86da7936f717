using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Analysis.Azure;

/// <summary>Azure AI Language, when <c>Analysis:Provider</c> is <c>AzureLanguage</c>. Bound from <c>Analysis:AzureLanguage</c>.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The Language resource's endpoint, such as https://my-resource.cognitiveservices.azure.com/.</summary>
    [Required]
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>The resource key; without one, a Microsoft Entra token from the managed identity (Azure.Identity) is used.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The REST API version.</summary>
    [Required]
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>The documents' language.</summary>
    [Required]
    public string Language { get; set; } = "en";

    /// <summary>How many times to retry a throttled (429) or failed (5xx) request.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;
}
