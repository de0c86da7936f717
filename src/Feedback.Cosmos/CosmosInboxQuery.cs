using System.Text;
using Microsoft.Azure.Cosmos;
using QualityVoice.Analysis;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// An inbox filter as the conditions of a single-partition query on the items' derived fields
/// (<see cref="FeedbackDocument"/>): equality on indexed fields, <c>ARRAY_CONTAINS</c> for themes and words, and
/// the sort key for dates. Nothing typed is ever spliced into the query text; every value is a parameter.
/// </summary>
internal sealed class CosmosInboxQuery
{
    private readonly StringBuilder _conditions = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    private CosmosInboxQuery()
    {
    }

    /// <summary>The first and last months the filter can match (<c>yyyy-MM</c>), when it has dates.</summary>
    public (string? From, string? To) Months { get; private init; }

    /// <summary>The conditions for <paramref name="filter"/>, each starting with <c> AND </c>.</summary>
    public static CosmosInboxQuery For(InboxFilter filter)
    {
        var query = new CosmosInboxQuery
        {
            Months = (filter.From is { } from ? $"{from.Year:D4}-{from.Month:D2}" : null, filter.To is { } to ? $"{to.Year:D4}-{to.Month:D2}" : null),
        };
        query.Equal("status", filter.Status is { } status ? WireName<TriageStatus>.Of(status) : null);
        if (filter.Sentiment is { } sentiment)
        {
            // With a theme, the feeling about that theme ("negative about waiting"); otherwise the item's.
            if (filter.Theme is null)
            {
                query.Equal("sentiment", WireName<Sentiment>.Of(sentiment));
            }
            else
            {
                query.Add("ARRAY_CONTAINS(c.themeFeelings, {0})", FeedbackDocument.ThemeFeeling(filter.Theme, sentiment));
            }
        }

        query.Equal("serviceId", filter.ServiceId);
        query.Equal("kind", filter.Kind is { } kind ? WireName<FeedbackKind>.Of(kind) : null);
        query.Equal("fftRating", filter.Fft is { } fft ? WireName<FftRating>.Of(fft) : null);
        query.Equal("urgent", filter.Urgent);
        query.Equal("needsReview", filter.NeedsReview);
        if (filter.AssignedTo == InboxFilter.Unassigned)
        {
            query._conditions.Append(" AND (NOT IS_DEFINED(c.assignedTo) OR IS_NULL(c.assignedTo))");
        }
        else
        {
            query.Equal("assignedTo", filter.AssignedTo);
        }

        if (filter.From is { } first)
        {
            query.Add("c.sortKey >= {0}", SortKeyAt(first));
        }

        if (filter.To is { } last)
        {
            query.Add("c.sortKey < {0}", SortKeyAt(last.AddDays(1)));
        }

        if (filter.Theme is not null && filter.Sentiment is null)
        {
            query.Add("ARRAY_CONTAINS(c.themes, {0})", filter.Theme);
        }

        if (filter.AnyTheme is { Count: > 0 } anyTheme)
        {
            query._conditions.Append(" AND (");
            for (var i = 0; i < anyTheme.Count; i++)
            {
                var name = query.Parameter(anyTheme[i]);
                query._conditions.Append(i == 0 ? string.Empty : " OR ").Append($"ARRAY_CONTAINS(c.themes, {name})");
            }

            query._conditions.Append(')');
        }

        foreach (var word in SearchWords.Of(filter.Query).Take(InboxFilter.MostSearchWords))
        {
            query.Add("ARRAY_CONTAINS(c.terms, {0})", word);
        }

        return query;
    }

    /// <summary>The conditions, each starting with <c> AND </c>.</summary>
    public string Conditions => _conditions.ToString();

    /// <summary>A query of <paramref name="text"/> (which holds <see cref="Conditions"/>) with this filter's parameters.</summary>
    public QueryDefinition Define(string text)
    {
        var definition = new QueryDefinition(text);
        foreach (var (name, value) in _parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        return definition;
    }

    /// <summary>Whether a month (<c>yyyy-MM</c>) can hold matches.</summary>
    public bool CanMatch(string month) =>
        (Months.From is null || string.CompareOrdinal(month, Months.From) >= 0) && (Months.To is null || string.CompareOrdinal(month, Months.To) <= 0);

    private static string SortKeyAt(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds().ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    private void Equal(string field, object? value)
    {
        if (value is not null)
        {
            Add($"c.{field} = {{0}}", value);
        }
    }

    private void Add(string condition, object value) => _conditions.Append(" AND ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, Parameter(value)));

    private string Parameter(object value)
    {
        var name = $"@f{_parameters.Count}";
        _parameters.Add((name, value));
        return name;
    }
}
