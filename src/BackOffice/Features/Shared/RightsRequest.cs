namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>
/// The request behind a subject access copy or an erasure, as staff record it for the audit log: who asked, when and
/// how, and how it was checked that they are the person the record is about.
/// </summary>
internal static class RightsRequest
{
    /// <summary>The longest request the audit log takes.</summary>
    public const int Longest = 500;

    /// <summary>Why the request as given will not do, or null when it will.</summary>
    /// <param name="details">The request as typed.</param>
    /// <param name="whoseRecord">Who the record is about, for the message: "the person who gave the feedback".</param>
    public static string? WhyNot(string? details, string whoseRecord) => details?.Trim() switch
    {
        null or { Length: < 5 } => $"Enter the request: who asked, when, and how you checked it was {whoseRecord}",
        { Length: > Longest } => $"Enter the request in {Longest} characters or fewer",
        _ => null,
    };
}
