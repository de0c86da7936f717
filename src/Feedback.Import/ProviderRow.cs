namespace QualityVoice.Feedback.Import;

/// <summary>What one row of a provider's file became.</summary>
public abstract record ProviderRow
{
    private ProviderRow()
    {
    }

    /// <summary>A row to store: the feedback, when it was given, and the supplier's id for it.</summary>
    /// <param name="Feedback">The feedback, checked as the intake checks a submission.</param>
    /// <param name="GivenAt">When it was given (the file's date; noon UK time when the file gives no time).</param>
    /// <param name="RowId">The supplier's id for the row.</param>
    public sealed record Accepted(NewFeedback Feedback, DateTimeOffset GivenAt, string RowId) : ProviderRow;

    /// <summary>A row that cannot be imported, and why.</summary>
    /// <param name="RowId">The supplier's id for the row, when it has one.</param>
    /// <param name="Reason">The kind of problem, one of <see cref="RejectionReasons"/>, for the summary's counts.</param>
    /// <param name="Detail">What exactly is wrong, for the report (never the comment's text).</param>
    public sealed record Rejected(string? RowId, string Reason, string Detail) : ProviderRow;
}

/// <summary>Why rows are rejected, as the import's summary counts them.</summary>
public static class RejectionReasons
{
    /// <summary>The row has no id from the supplier.</summary>
    public const string NoRowId = "no row id";

    /// <summary>The date cannot be read, or is missing.</summary>
    public const string UnreadableDate = "unreadable date";

    /// <summary>The date is after today.</summary>
    public const string FutureDate = "date in the future";

    /// <summary>The service is not in the content pack or the profile's list.</summary>
    public const string UnknownService = "unknown service";

    /// <summary>The Friends and Family Test answer is empty.</summary>
    public const string EmptyAnswer = "empty answer";

    /// <summary>The Friends and Family Test answer is not one of its answers.</summary>
    public const string UnreadableAnswer = "unreadable answer";

    /// <summary>The collection mode is not one the FFT return counts.</summary>
    public const string UnknownCollectionMode = "unknown collection mode";

    /// <summary>A field breaks a rule the intake applies to every submission (a comment too long, a date too old).</summary>
    public const string InvalidField = "invalid field";
}
