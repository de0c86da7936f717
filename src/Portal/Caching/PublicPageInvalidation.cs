using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.Portal.Caching;

/// <summary>
/// Drops cached pages when what they show changes, in this instance; every instance runs one, so a change made
/// anywhere (a publication in the back office, a scheduled one, feedback linked to a live update) reaches them all:
/// it reads the store's published-updates version a few times a second and drops the pages tagged
/// <see cref="PublicPageCache.Updates"/> when it moves, and drops those tagged <see cref="PublicPageCache.Months"/>
/// when a new month starts, and drops every page when the content source says its content changed.
/// </summary>
internal sealed partial class PublicPageInvalidation(
    IOutputCacheStore cache,
    IContentSource content,
    IPublishedUpdates published,
    IOptions<PublicPageCacheOptions> options,
    TimeProvider time,
    ILogger<PublicPageInvalidation> logger) : BackgroundService
{
    private int _contentChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        content.Changed += (_, _) => Interlocked.Exchange(ref _contentChanged, 1);

        long? seen = null;
        var month = YearMonth.Of(time.GetUtcNow());
        // Real time, whatever clock the app's rules read: this is how quickly a change shows, not a rule.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds));
        do
        {
            try
            {
                var version = await published.VersionAsync(stoppingToken);
                if (seen is { } before && before != version)
                {
                    await cache.EvictByTagAsync(PublicPageCache.Updates, stoppingToken);
                }

                seen = version;

                if (Interlocked.Exchange(ref _contentChanged, 0) == 1)
                {
                    await cache.EvictByTagAsync(PublicPageCache.Content, stoppingToken);
                }

                var now = YearMonth.Of(time.GetUtcNow());
                if (now != month)
                {
                    await cache.EvictByTagAsync(PublicPageCache.Months, stoppingToken);
                    month = now;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is unreachable for now: the pages stay as they were, and their lifetime bounds how long.
                LogCheckFailed(logger, exception.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check whether published updates changed ({Error}); cached pages stay until they expire")]
    private static partial void LogCheckFailed(ILogger logger, string error);
}
