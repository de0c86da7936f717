using System.ComponentModel.DataAnnotations;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>Settings for publishing updates and telling the people whose feedback they answer (<c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Publishing";

    /// <summary>The portal's public address, for links in the back office and in e-mails.</summary>
    [Required]
    public Uri PortalUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>The back office's address, for links in e-mails to staff.</summary>
    [Required]
    public Uri BackOfficeUrl { get; set; } = new("http://127.0.0.1:5081");

    /// <summary>How often the worker publishes what is due and sends what is owed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether this host runs the worker (one back office instance is enough; others may turn it off).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>The address of a page in the back office.</summary>
    public string BackOfficeAddress(string path) => new Uri(BackOfficeUrl, path).ToString();

    /// <summary>The address of a page on the portal.</summary>
    public string PortalAddress(string path) => new Uri(PortalUrl, path).ToString();
}
