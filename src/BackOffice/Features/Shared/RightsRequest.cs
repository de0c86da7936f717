using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>
/// The request behind a subject access copy or an erasure, as staff record it for the audit log: who asked, when and
/// how, and how it was checked that they are the person the record is about.
/// </summary>
internal static class RightsRequest
{
    /// <summary>The longest request the audit log takes.</summary>
    public const int Longest = 500;

    /// <summary>Whether the request as given will do; when it will not, the field's error says why.</summary>
    /// <param name="modelState">The page's model state, for the error.</param>
    /// <param name="field">The request's field.</param>
    /// <param name="details">The request as typed.</param>
    /// <param name="whoseRecord">Who the record is about, for the message: "the person who gave the feedback".</param>
    public static bool IsGiven(ModelStateDictionary modelState, string field, string? details, string whoseRecord)
    {
        if (WhyNot(details, whoseRecord) is { } why)
        {
            modelState.AddModelError(field, why);
            return false;
        }

        return true;
    }

    private static string? WhyNot(string? details, string whoseRecord) => details?.Trim() switch
    {
        null or { Length: < 5 } => $"Enter the request: who asked, when, and how you checked it was {whoseRecord}",
        { Length: > Longest } => $"Enter the request in {Longest} characters or fewer",
        _ => null,
    };
}
