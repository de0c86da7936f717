using System.Text.Json.Serialization;

namespace QualityVoice.Analysis;

/// <summary>The overall feeling of a comment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sentiment>))]
public enum Sentiment
{
    /// <summary>Positive.</summary>
    [JsonStringEnumMemberName("positive")]
    Positive,

    /// <summary>Neither positive nor negative.</summary>
    [JsonStringEnumMemberName("neutral")]
    Neutral,

    /// <summary>Negative.</summary>
    [JsonStringEnumMemberName("negative")]
    Negative,

    /// <summary>Both positive and negative.</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,
}

/// <summary>How feelings read in different places (clauses, answers) make one.</summary>
public static class Sentiments
{
    /// <summary>
    /// The feeling of several together: positive in one and negative in another is mixed, as is any mixed one;
    /// otherwise negative outweighs positive, and either outweighs neutral. None at all is neutral.
    /// </summary>
    public static Sentiment Together(IEnumerable<Sentiment> feelings)
    {
        var set = feelings.ToHashSet();
        return set.Contains(Sentiment.Mixed) || (set.Contains(Sentiment.Positive) && set.Contains(Sentiment.Negative)) ? Sentiment.Mixed
            : set.Contains(Sentiment.Negative) ? Sentiment.Negative
            : set.Contains(Sentiment.Positive) ? Sentiment.Positive
            : Sentiment.Neutral;
    }

    /// <summary>
    /// A comment read as neither positive nor negative as a whole, but positive about one theme and negative about
    /// another, is mixed ("the nurses were lovely but I waited six hours"). A whole reading of a side stands.
    /// </summary>
    public static Sentiment WithThemes(Sentiment whole, IEnumerable<ThemeSentiment> feelings) =>
        whole == Sentiment.Neutral && Together(feelings.Select(feeling => feeling.Sentiment)) == Sentiment.Mixed ? Sentiment.Mixed : whole;
}
