using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>
/// Reads the content from Umbraco before the app takes requests (the kept copy if Umbraco cannot be read, and if there
/// is none, start-up stops saying why), then again every <see cref="UmbracoOptions.RefreshInterval"/> or as soon as a
/// publish webhook asks.
/// </summary>
internal sealed class UmbracoContentRefresher(UmbracoContentSource source, IOptions<UmbracoOptions> options) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await source.LoadLastGoodAsync(cancellationToken);
        if (!await source.RefreshAsync(cancellationToken) && !source.HasContent)
        {
            throw new InvalidOperationException($"The portal's content could not be read from Umbraco, and no earlier copy is kept: {source.Problem}");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await source.WaitForRefreshAsync(options.Value.RefreshInterval, stoppingToken);
            if (!stoppingToken.IsCancellationRequested)
            {
                await source.RefreshAsync(stoppingToken);
            }
        }
    }
}
