using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Analysis;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Outbox;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.BackOffice.Tests;

/// <summary>One analysed item to put in the back office's store, with only what a test cares about spelled out.</summary>
internal sealed record Sample(string Text)
{
    public FeedbackKind Kind { get; init; } = FeedbackKind.Patient;
    public string ServiceId { get; init; } = "rtd-ae";
    public FftRating Fft { get; init; } = FftRating.Poor;
    public Sentiment Sentiment { get; init; } = Sentiment.Negative;
    public IReadOnlyList<string> Themes { get; init; } = ["Timeliness of care"];

    /// <summary>How sure the analysis was of each theme.</summary>
    public double ThemeConfidence { get; init; } = 0.8;
    public bool Urgent { get; init; }
    public TriageStatus Status { get; init; } = TriageStatus.New;
    public string? AssignedTo { get; init; }
    public DateTimeOffset At { get; init; } = TimeProvider.System.GetUtcNow().AddMinutes(-5);
    public CollectionMode Mode { get; init; } = CollectionMode.Online;

    /// <summary>The address the person left for contact, when they consented to it.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>What the analyzer would have hidden, when the text has personal details in it.</summary>
    public string? Redacted { get; init; }

    /// <summary>Whether the analysis was unsure of the themes or sentiment.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>The evidence for an urgent flag.</summary>
    public IReadOnlyList<QualityVoice.Analysis.Urgency.UrgencySignal>? UrgencySignals { get; init; }
}

/// <summary>Puts feedback in the back office's store: analysed samples, or real submissions that go through analysis.</summary>
internal static class TriageData
{
    /// <summary>Stores analysed samples as they are; returns their references in the same order.</summary>
    public static async Task<IReadOnlyList<string>> ImportAsync(this BackOfficeFactory backOffice, params Sample[] samples)
    {
        var items = backOffice.Analysed(samples);
        await backOffice.ImportAsync(items);
        return items.Select(item => item.Record.Reference).ToArray();
    }

    /// <summary>Stores items as they are (the same items can go into two back offices).</summary>
    public static async Task ImportAsync(this BackOfficeFactory backOffice, IReadOnlyList<ImportedFeedback> items) =>
        Assert.Equal(items.Count, await backOffice.Services.GetRequiredService<IFeedbackStore>().ImportAsync(items, CancellationToken.None));

    /// <summary>Samples as analysed items, each with a new reference, ready to store.</summary>
    public static IReadOnlyList<ImportedFeedback> Analysed(this BackOfficeFactory backOffice, params Sample[] samples)
    {
        var pack = backOffice.Services.GetRequiredService<ContentPack>();
        var contact = backOffice.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(FeedbackIntake.ContactEmailPurpose);
        var items = samples.Select(sample =>
        {
            var service = pack.FindService(sample.ServiceId) ?? throw new ArgumentException($"No service {sample.ServiceId} in the pack");
            var record = new FeedbackRecord(
                new NewFeedback(sample.Kind, sample.ServiceId, service.FullName, sample.Fft, null, sample.Text, YearMonth.Of(sample.At), sample.Mode),
                FeedbackReference.Create(FeedbackReference.FeedbackPrefix, new SecureRandomSource()),
                RandomNumberGenerator.GetBytes(32),
                sample.At,
                sample.ContactEmail is null ? null : contact.Protect(sample.ContactEmail),
                null,
                null);
            var analysis = new FeedbackAnalysis(
                sample.Sentiment,
                0.9,
                sample.Themes.Select(theme => new ThemePrediction(theme, sample.ThemeConfidence)).ToArray(),
                pack.Taxonomy.StrategicThemesOf(sample.Themes),
                pack.Taxonomy.CqcQuestionsOf(sample.Themes),
                null,
                sample.Redacted ?? sample.Text,
                [],
                sample.Urgent,
                sample.Urgent ? ["Self-harm"] : [],
                "test",
                "test-1",
                sample.At,
                sample.UrgencySignals,
                sample.NeedsReview);
            return new ImportedFeedback(record, analysis, sample.Status, sample.AssignedTo);
        }).ToArray();
        return items;
    }

    /// <summary>Runs the analysis worker's work until nothing is waiting.</summary>
    public static async Task AnalyseEverythingAsync(this BackOfficeFactory backOffice)
    {
        var analyser = backOffice.Services.GetRequiredService<FeedbackAnalyser>();
        while (await analyser.AnalyseBatchAsync(100, CancellationToken.None) > 0)
        {
        }
    }
}

/// <summary>Waiting for the reports a test asked to be kept.</summary>
internal static class KeptReportsMade
{
    /// <summary>Waits until every report the back office was asked to keep has been made, and none failed.</summary>
    public static async Task AllKeptAsync(this BackOfficeFactory backOffice)
    {
        var jobs = backOffice.Services.GetRequiredService<QualityVoice.BackOffice.Features.Reports.ReportJobs>();
        for (var waited = 0; jobs.All.Any(job => !job.IsFinished); waited++)
        {
            Assert.True(waited < 1200, "The reports were not made within a minute.");
            await Task.Delay(50);
        }

        Assert.DoesNotContain(jobs.All, job => job.Step == QualityVoice.BackOffice.Features.Reports.ReportStep.Failed);
    }
}
