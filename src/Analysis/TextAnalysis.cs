namespace QualityVoice.Analysis;

/// <summary>What analysis found in one piece of text.</summary>
/// <param name="Sentiment">Its overall feeling.</param>
/// <param name="SentimentScore">From −1 (negative) to 1 (positive).</param>
/// <param name="Themes">The experience framework's sub-categories that apply, most confident first.</param>
/// <param name="RedactedText">The text with personal information replaced by typed tokens such as [NHS number].</param>
/// <param name="Pii">Where the personal information was.</param>
/// <param name="Urgent">Whether a person must read it today.</param>
/// <param name="UrgentReasons">Why: the urgency reasons (<see cref="Urgency.UrgencyReasons"/>), most severe first.</param>
/// <param name="KeyPhrases">The main points, where the analyzer finds them (Azure AI Language does; the local one does not).</param>
/// <param name="UrgencySignals">The evidence for each urgency reason: the phrase matched, or the nearest urgent example.</param>
/// <param name="NeedsReview">
/// Whether its themes or sentiment are too uncertain to trust without a person's look (the calibrated confidence of the
/// best theme or of the sentiment is below the model's review threshold).
/// </param>
/// <param name="ThemeSentiments">The feeling about each theme, read from the clauses that carry it.</param>
public sealed record TextAnalysis(
    Sentiment Sentiment,
    double SentimentScore,
    IReadOnlyList<ThemePrediction> Themes,
    string RedactedText,
    IReadOnlyList<PiiSpan> Pii,
    bool Urgent,
    IReadOnlyList<string> UrgentReasons,
    IReadOnlyList<string>? KeyPhrases = null,
    IReadOnlyList<Urgency.UrgencySignal>? UrgencySignals = null,
    bool NeedsReview = false,
    IReadOnlyList<ThemeSentiment>? ThemeSentiments = null)
{
    /// <summary>The feeling about <paramref name="theme"/>: as read from the clauses that carry it, or else the whole text's.</summary>
    public Sentiment SentimentAbout(string theme) =>
        ThemeSentiments?.FirstOrDefault(feeling => feeling.Theme == theme)?.Sentiment ?? Sentiment;
}
