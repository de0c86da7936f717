using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QualityVoice.Analysis;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Inbox;

/// <summary>
/// The inbox's query string — <c>status</c>, <c>sentiment</c>, <c>theme</c>, <c>strategicTheme</c>, <c>service</c>,
/// <c>kind</c>, <c>fft</c>, <c>urgent</c>, <c>assignedTo</c>, <c>from</c>, <c>to</c>, <c>q</c>, <c>sort</c>,
/// <c>after</c> — read into a filter, with an error naming each value that is not one the inbox knows.
/// Exports take the same parameters, so "download this list" downloads exactly what is on screen.
/// </summary>
public sealed class InboxQuery
{
    /// <summary>The names of the parameters, in the order the filter form shows them.</summary>
    public static readonly string[] Parameters = ["q", "status", "sentiment", "urgent", "review", "theme", "strategicTheme", "service", "kind", "fft", "assignedTo", "from", "to", "sort"];

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "sentiment")]
    public string? Sentiment { get; set; }

    [FromQuery(Name = "theme")]
    public string? Theme { get; set; }

    [FromQuery(Name = "strategicTheme")]
    public string? StrategicTheme { get; set; }

    [FromQuery(Name = "service")]
    public string? Service { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "fft")]
    public string? Fft { get; set; }

    [FromQuery(Name = "urgent")]
    public string? Urgent { get; set; }

    /// <summary>"yes" for the items the model was unsure of.</summary>
    [FromQuery(Name = "review")]
    public string? Review { get; set; }

    [FromQuery(Name = "assignedTo")]
    public string? AssignedTo { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    /// <summary>The order asked for.</summary>
    public InboxOrder Order => Sort == "oldest" ? InboxOrder.Oldest : InboxOrder.Newest;

    /// <summary>
    /// Reads the filter; every value the inbox does not know is an error on its parameter, in words that say
    /// what would be right. <paramref name="me"/> stands for "assignedTo=me".
    /// </summary>
    public InboxFilter ToFilter(ContentPack pack, string me, ModelStateDictionary errors)
    {
        var filter = new InboxFilter
        {
            Status = Parse<TriageStatus>(Status, "status", "status", errors),
            Sentiment = Parse<Sentiment>(Sentiment, "sentiment", "sentiment", errors),
            Kind = Parse<FeedbackKind>(Kind, "kind", "kind of person giving feedback", errors),
            Fft = Parse<FftRating>(Fft, "fft", "Friends and Family Test answer", errors),
            Query = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        };

        if (!string.IsNullOrEmpty(Theme))
        {
            if (pack.Taxonomy.Find(Theme) is null)
            {
                errors.AddModelError("theme", $"Choose a theme from the list ('{Theme}' is not one of the framework's sub-categories)");
            }
            else
            {
                filter = filter with { Theme = Theme };
            }
        }

        if (!string.IsNullOrEmpty(StrategicTheme))
        {
            var subCategories = pack.Taxonomy.Mappings.Where(mapping => mapping.StrategicTheme == StrategicTheme).Select(mapping => mapping.SubCategory).ToArray();
            if (subCategories.Length == 0)
            {
                errors.AddModelError("strategicTheme", $"Choose a strategic theme from the list ('{StrategicTheme}' is not one of {pack.IcbName}'s)");
            }
            else
            {
                filter = filter with { AnyTheme = subCategories };
            }
        }

        if (!string.IsNullOrEmpty(Service))
        {
            if (Service != NewFeedback.OtherService && pack.FindService(Service) is null)
            {
                errors.AddModelError("service", $"Choose a service from the list ('{Service}' is not one of the content pack's services)");
            }
            else
            {
                filter = filter with { ServiceId = Service };
            }
        }

        switch (Urgent)
        {
            case null or "":
                break;
            case "yes":
                filter = filter with { Urgent = true };
                break;
            case "no":
                filter = filter with { Urgent = false };
                break;
            default:
                errors.AddModelError("urgent", "Urgent must be yes or no");
                break;
        }

        switch (Review)
        {
            case null or "":
                break;
            case "yes":
                filter = filter with { NeedsReview = true };
                break;
            default:
                errors.AddModelError("review", "Needs a human look must be yes, or left out");
                break;
        }

        if (!string.IsNullOrWhiteSpace(AssignedTo))
        {
            filter = filter with { AssignedTo = AssignedTo == "me" ? me : AssignedTo.Trim() };
        }

        filter = filter with { From = ParseDate(From, "from", errors), To = ParseDate(To, "to", errors) };
        if (filter.From > filter.To)
        {
            errors.AddModelError("to", "The end date must be the same as or after the start date");
        }

        if (Sort is not null and not ("newest" or "oldest"))
        {
            errors.AddModelError("sort", "Sort must be newest or oldest");
        }

        if (Q is { Length: > 200 })
        {
            errors.AddModelError("q", "Search for 200 characters or fewer");
        }

        return filter;
    }

    /// <summary>The query string for this view with some parameters changed (null removes one), for links.</summary>
    public string With(params (string Name, string? Value)[] changes)
    {
        var values = Parameters.ToDictionary(name => name, Get, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        var pairs = values.Where(pair => !string.IsNullOrEmpty(pair.Value))
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value!)}");
        var query = string.Join('&', pairs);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    /// <summary>Whether any filter is set.</summary>
    public bool IsFiltered => Parameters.Where(name => name != "sort").Any(name => !string.IsNullOrEmpty(Get(name)));

    private string? Get(string name) => name switch
    {
        "status" => Status,
        "sentiment" => Sentiment,
        "theme" => Theme,
        "strategicTheme" => StrategicTheme,
        "service" => Service,
        "kind" => Kind,
        "fft" => Fft,
        "urgent" => Urgent,
        "review" => Review,
        "assignedTo" => AssignedTo,
        "from" => From,
        "to" => To,
        "q" => Q,
        "sort" => Sort,
        "after" => After,
        _ => null,
    };

    private static T? Parse<T>(string? value, string name, string description, ModelStateDictionary errors)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (WireName<T>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.AddModelError(name, $"'{value}' is not a {description} the inbox knows: use one of {string.Join(", ", WireName<T>.All.Select(pair => pair.Name))}");
        return null;
    }

    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2099, 12, 31);

    private static DateOnly? ParseDate(string? value, string name, ModelStateDictionary errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= EarliestDate && date <= LatestDate)
        {
            return date;
        }

        errors.AddModelError(name, $"The {(name == "from" ? "start" : "end")} date must be a real date between 2000 and 2099, written like 2026-03-31");
        return null;
    }
}
