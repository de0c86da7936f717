using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Rights;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Retention;

/// <summary>
/// Applies the retention policy once a day: the items past <see cref="RetentionPolicy.OriginalWordsMonths"/> lose their
/// original words and e-mail address, a batch at a time, kept copies of e-mails older than that go, and the audit log
/// counts every item and copy removed. Safe on every
/// instance at once: an item already changed is not found again, and changing one twice changes nothing.
/// </summary>
public sealed partial class RetentionWorker(
    IRetentionStore store,
    IAuditLog audit,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger,
    IEnumerable<ISentEmailCopies>? emailCopies = null,
    ISpeakUpCasework? speakUp = null) : BackgroundService
{
    /// <summary>Who the audit log says did it.</summary>
    public const string Actor = "QualityVoice retention policy";

    private const int Batch = 500;

    /// <summary>Applies the policy as it stands now; returns how many items lost their original words.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var policy = options.Value.Policy();
        var now = time.GetUtcNow();
        var before = policy.OriginalWordsCutOff(now);
        var removed = 0;
        while (true)
        {
            var held = await store.FindOriginalWordsBeforeAsync(before, Batch, cancellationToken);
            if (held.Count == 0)
            {
                break;
            }

            var changed = await store.RemoveOriginalWordsAsync(held.Select(RetentionPolicy.Keep).ToArray(), now, cancellationToken);
            removed += changed;
            if (changed == 0)
            {
                break; // Another instance got there first; it counts them.
            }
        }

        await ApplyToSpeakUpCasesAsync(policy, now, cancellationToken);

        // Kept copies of e-mails hold the addresses too, and go at the same age.
        var emails = 0;
        foreach (var copies in emailCopies ?? [])
        {
            emails += await copies.RemoveWrittenBeforeAsync(before, cancellationToken);
        }

        if (emails > 0)
        {
            await RecordAsync(now, "retention", $"Removed {Counted.Of(emails, "kept e-mail copy", "kept e-mail copies")} written before {UkTime.Of(before):d MMMM yyyy} ({policy.OriginalWordsPeriod})", cancellationToken);
        }

        if (removed > 0)
        {
            await RecordAsync(
                now,
                "retention",
                $"Removed the original words and e-mail addresses of {Counted.Of(removed, "feedback item")} that arrived before {UkTime.Of(before):d MMMM yyyy} ({policy.OriginalWordsPeriod}); their words with personal details hidden are kept",
                cancellationToken);
            Removed(logger, removed);
        }

        return removed;
    }

    /// <summary>Removes the details of speak-up cases closed longer ago than the period, when one is set; audited for guardians only.</summary>
    private async Task ApplyToSpeakUpCasesAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (speakUp is null || policy.SpeakUpCaseMonths is null)
        {
            return;
        }

        var today = UkTime.DayOf(now);
        var removed = 0;
        foreach (var due in (await speakUp.ListAsync(cancellationToken)).Where(found => policy.SpeakUpDetailsAreDue(found, today)))
        {
            removed += await speakUp.RemoveDetailsAsync(due.Reference, today, cancellationToken) ? 1 : 0;
        }

        if (removed > 0)
        {
            // The subject begins "speak-up", so only guardians read it.
            await RecordAsync(
                now,
                "speak-up retention",
                $"Removed the details of {Counted.Of(removed, "speak-up case")} closed {RetentionPolicy.InWords(policy.SpeakUpCaseMonths.Value)} ago or more; what the National Guardian's Office data return counts is kept",
                cancellationToken);
        }
    }

    /// <summary>Records what a run removed, by its counts only.</summary>
    private Task RecordAsync(DateTimeOffset now, string subject, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(now, Actor, AuditActions.Retention, subject, detail), cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Delay(options.Value.FirstLook, time, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Every, time);
        do
        {
            try
            {
                await ApplyAsync(stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                // The store could not be read or written: the next look tries again, and the back office goes on serving.
                Failed(logger, failed.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed the original words of {Count} feedback items")]
    private static partial void Removed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not be applied: {Failure}; it is tried again at the next look")]
    private static partial void Failed(ILogger logger, string failure);
}
