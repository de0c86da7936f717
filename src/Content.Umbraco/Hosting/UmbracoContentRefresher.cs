using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>
/// Reads the content from Umbraco before the app takes requests (the kept copy if Umbraco cannot be read, and if there
/// is none, start-up stops saying why), then again every <see cref="UmbracoOptions.RefreshInterval"/> or as soon as a
/// publish webhook asks.
/// </summary>
internal sealed partial class UmbracoContentRefresher(UmbracoContentSource source, IOptions<UmbracoOptions> options, ILogger<UmbracoContentRefresher> logger)
    : BackgroundService
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
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await source.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Whatever went wrong, the last good content stays and the next interval tries again.
                LogRefreshFailed(logger, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the content from Umbraco failed unexpectedly ({Error}); the last good content stays")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
