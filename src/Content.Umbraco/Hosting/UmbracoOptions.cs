using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>
/// Where the ICB's Umbraco site is and how to read it: the <c>Content:Umbraco</c> section, used when
/// <c>Content:Source</c> is <c>Umbraco</c> (docs/umbraco.md).
/// </summary>
public sealed class UmbracoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Content:Umbraco";

    /// <summary>The Umbraco site's address, such as <c>https://www.example-icb.nhs.uk/</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The Delivery API's key, when its content is protected (Umbraco's <c>DeliveryApi:ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The strategy's root item: its key (a GUID) or its path (URL segment), sent as <c>Start-Item</c>.</summary>
    [Required]
    public string StartItem { get; set; } = string.Empty;

    /// <summary>The culture to read (<c>Accept-Language</c>), such as <c>en-GB</c>; the site's default when empty.</summary>
    public string? Culture { get; set; }

    /// <summary>Read draft content (<c>Preview: true</c>, which needs the API key): for a staging portal only.</summary>
    public bool Preview { get; set; }

    /// <summary>How long content is kept before it is read again, when no webhook said it changed sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one request to Umbraco may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The secret Umbraco's webhooks send in <see cref="WebhookHeader"/> (a custom header set on the webhook in
    /// Umbraco); without one, <c>POST /hooks/umbraco</c> refuses everything.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The header the webhook's secret comes in.</summary>
    public string WebhookHeader { get; set; } = "X-QualityVoice-Secret";

    /// <summary>The Delivery API's base address.</summary>
    public Uri DeliveryApi => new(BaseUrl ?? throw new InvalidOperationException("Content:Umbraco:BaseUrl is not set."), "umbraco/delivery/api/v2/");
}
