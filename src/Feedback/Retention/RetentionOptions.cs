namespace QualityVoice.Feedback.Retention;

/// <summary>How long each kind of data is kept, and how often the retention worker looks. Bound from <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Retention";

    /// <summary>
    /// How many months after it arrived a person's own words, exactly as they wrote them, and their e-mail address are
    /// kept (24). After that only the words with personal details hidden, and what analysis and staff made of them, stay.
    /// </summary>
    public int OriginalWordsMonths { get; set; } = 24;

    /// <summary>
    /// How many months after a guardian closes a speak-up case its details are kept (the concern, who raised it, the
    /// conversation and the notes); then only what the National Guardian's Office data return counts stays. Unset (the
    /// default), cases are kept whole until the ICB sets the period its records management policy gives.
    /// </summary>
    public int? SpeakUpCaseMonths { get; set; }

    /// <summary>Whether the back office's retention worker runs (on unless an ICB's records policy runs elsewhere).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start-up the worker first looks (5 minutes, so start-up is not slowed).</summary>
    public TimeSpan FirstLook { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often it looks after that (daily).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The policy these settings describe.</summary>
    public RetentionPolicy Policy() => new(OriginalWordsMonths, SpeakUpCaseMonths);
}
