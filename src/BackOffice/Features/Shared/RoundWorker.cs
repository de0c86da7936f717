using Microsoft.Extensions.Options;
using QualityVoice.BackOffice.Features.Updates;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>
/// A back office worker that does one round of its work at start and then every
/// <see cref="PublishingOptions.WorkerInterval"/> until the app stops. A round that fails is logged (the error's
/// type only, never data) and the next round runs as usual. Tests call <see cref="RunRoundAsync"/> directly.
/// </summary>
public abstract partial class RoundWorker(IOptions<PublishingOptions> publishing, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock (so that tests can move it).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The publishing settings: the round's interval, and the addresses for links in e-mails.</summary>
    protected PublishingOptions Publishing { get; } = publishing.Value;

    /// <summary>One round of the work.</summary>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Publishing.WorkerInterval, Time);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                RoundFailed(logger, GetType().Name, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(100, LogLevel.Error, "{Worker}: the round failed: {Error}")]
    private static partial void RoundFailed(ILogger logger, string worker, string error);
}
