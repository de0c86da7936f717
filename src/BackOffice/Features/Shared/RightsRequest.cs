using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
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

    private static readonly JsonSerializerOptions CopyJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A subject access copy as the file staff download and send: readable JSON named after the reference.</summary>
    public static FileContentResult Download<TCopy>(TCopy copy, string reference) =>
        new(JsonSerializer.SerializeToUtf8Bytes(copy, CopyJson), "application/json") { FileDownloadName = $"{reference}-everything-held.json" };

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
