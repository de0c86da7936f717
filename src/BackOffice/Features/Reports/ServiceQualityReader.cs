using QualityVoice.Analysis;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Reads what a service quality report needs from the stores, then builds it (<see cref="ServiceQualityReport.Build"/>).</summary>
public sealed class ServiceQualityReader(
    IInsightQueries insight, IInboxQueries inbox, IFeedbackStore feedback, IUpdateStore updates, IServiceEscalations escalations, IOtherIntelligence intelligence)
{
    /// <summary>
    /// How many of a theme's comments the representative one is chosen from: spread evenly over the period, so that
    /// the choice is the analysis's, not the latest comment's.
    /// </summary>
    public const int QuoteCandidates = 25;

    /// <summary>The report for a service over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public async Task<ServiceQualityReport> ReadAsync(string serviceId, string serviceName, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var before = YearMonth.PeriodBefore(from, to);
        var trendFrom = to.AddMonths(1 - ServiceQualityReport.TrendMonths);
        var monthly = await insight.MonthlyAsync(before.From < trendFrom ? before.From : trendFrom, to, serviceId, cancellationToken);
        var themes = await insight.ThemesAsync(from, to, serviceId, cancellationToken);
        var progress = await UpdateProgress.ReadAllAsync(updates, cancellationToken);

        var history = await escalations.HistoryAsync(serviceId, cancellationToken);
        var other = await intelligence.ReadAsync(before.From, to, serviceId, cancellationToken);

        // Which themes the report quotes depends only on the counts: build it once to find them, then with their quotes.
        var unquoted = ServiceQualityReport.Build(serviceId, serviceName, from, to, monthly, themes, (_, _) => null, progress, history, other);
        var quotes = new Dictionary<(string, Sentiment), RepresentativeQuote?>();
        foreach (var (themeVoices, feeling) in new[] { (unquoted.Praised, Sentiment.Positive), (unquoted.Criticised, Sentiment.Negative) })
        {
            foreach (var voice in themeVoices)
            {
                quotes[(voice.Theme, feeling)] = RepresentativeQuote.Choose(await CandidatesAsync(serviceId, voice.Theme, feeling, from, to, cancellationToken), voice.Theme, feeling);
            }
        }

        return ServiceQualityReport.Build(serviceId, serviceName, from, to, monthly, themes, (theme, feeling) => quotes.GetValueOrDefault((theme, feeling)), progress, history, other);
    }

    private async Task<IReadOnlyList<FeedbackItem>> CandidatesAsync(string serviceId, string theme, Sentiment feeling, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var filter = new InboxFilter { ServiceId = serviceId, Theme = theme, Sentiment = feeling, Urgent = false, From = from.FirstDay, To = to.AddMonths(1).FirstDay.AddDays(-1) };
        var references = new List<string>();
        await foreach (var row in inbox.EveryRowAsync(filter, cancellationToken))
        {
            references.Add(row.Reference);
        }

        var step = Math.Max(1, references.Count / QuoteCandidates);
        var candidates = new List<FeedbackItem>();
        foreach (var reference in references.Where((_, i) => i % step == 0).Take(QuoteCandidates))
        {
            if (await feedback.FindAsync(reference, cancellationToken) is { } item)
            {
                candidates.Add(item);
            }
        }

        return candidates;
    }
}
