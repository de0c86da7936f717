using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Updates;

/// <summary>
/// The back office with a clock the tests move (from now, forwards only) and the publishing worker left for the
/// tests to run a round at a time; e-mail goes to the default pickup folder unless a subclass says otherwise.
/// </summary>
public class PublishingFactory : BackOfficeFactory
{
    /// <summary>The back office's clock.</summary>
    public ManualTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Where e-mails are written.</summary>
    public string PickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Publishing:WorkerEnabled"] = "false",
        ["Publishing:PortalUrl"] = "https://feedback.example.nhs.uk",
    };

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
