using System.Buffers.Binary;
using System.Text;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Turns an inbox filter into SQL conditions with parameters; nothing typed is ever spliced into SQL.</summary>
internal static class InboxSql
{
    /// <summary>
    /// The FROM clause (<c>feedback_items i</c>, driven from the theme index for a theme filter or from the search
    /// index for a search), the conditions, and the columns that order the list so that its first page is read in
    /// an index's order without sorting every match: arrival time then id, from the items or the theme index;
    /// for a search, the search index's own order (id, which is the order items reached QualityVoice).
    /// </summary>
    public static (string From, List<string> Conditions, (string? At, string Id) Order) Build(InboxFilter filter, SqliteCommand command)
    {
        var conditions = new List<string>();
        void Equal(string column, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add($"i.{column} = ${name}");
                command.Parameters.AddWithValue("$" + name, value);
            }
        }

        Equal("status", "status", filter.Status is { } status ? WireName<TriageStatus>.Of(status) : null);
        if (filter.Sentiment is { } sentiment)
        {
            // With a theme, the feeling about that theme ("negative about waiting"); otherwise the item's.
            conditions.Add(filter.Theme is null ? "i.sentiment = $sentiment" : "coalesce(t.sentiment, i.sentiment) = $sentiment");
            command.Parameters.AddWithValue("$sentiment", WireName<QualityVoice.Analysis.Sentiment>.Of(sentiment));
        }

        Equal("service_id", "service", filter.ServiceId);
        Equal("kind", "kind", filter.Kind is { } kind ? WireName<FeedbackKind>.Of(kind) : null);
        Equal("fft_rating", "fft", filter.Fft is { } fft ? WireName<FftRating>.Of(fft) : null);
        if (filter.Urgent is { } urgent)
        {
            conditions.Add(urgent ? "i.urgent = 1" : "i.urgent = 0");
        }

        if (filter.NeedsReview is { } review)
        {
            conditions.Add(review ? "i.needs_review = 1" : "i.needs_review = 0");
        }

        if (filter.AssignedTo == InboxFilter.Unassigned)
        {
            conditions.Add("i.assigned_to IS NULL");
        }
        else
        {
            Equal("assigned_to", "assignedTo", filter.AssignedTo);
        }

        if (filter.From is { } from)
        {
            conditions.Add("i.submitted_at >= $from");
            command.Parameters.AddWithValue("$from", new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            conditions.Add("i.submitted_at < $to");
            command.Parameters.AddWithValue("$to", new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
        }

        if (filter.AnyTheme is { Count: > 0 } anyTheme)
        {
            var names = anyTheme.Select((theme, n) =>
            {
                command.Parameters.AddWithValue($"$anyTheme{n}", theme);
                return $"$anyTheme{n}";
            });
            conditions.Add($"EXISTS (SELECT 1 FROM feedback_themes a WHERE a.item_id = i.id AND a.theme IN ({string.Join(", ", names)}))");
        }

        var match = SearchTerms(filter.Query);
        if (match is not null)
        {
            command.Parameters.AddWithValue("$query", match);
        }

        if (filter.Theme is not null)
        {
            command.Parameters.AddWithValue("$theme", filter.Theme);
            if (match is not null)
            {
                conditions.Add("i.id IN (SELECT rowid FROM feedback_search WHERE feedback_search MATCH $query)");
            }

            return ("feedback_themes t CROSS JOIN feedback_items i ON i.id = t.item_id AND t.theme = $theme", conditions, ("t.submitted_at", "t.item_id"));
        }

        if (match is not null && conditions.Count == 0)
        {
            // A search alone: read the search index newest first and stop at a page.
            conditions.Add("feedback_search MATCH $query");
            return ("feedback_search CROSS JOIN feedback_items i ON i.id = feedback_search.rowid", conditions, (null, "feedback_search.rowid"));
        }

        if (match is not null)
        {
            // A search with other filters: their index drives, and each row is looked up among the matches.
            conditions.Add("i.id IN (SELECT rowid FROM feedback_search WHERE feedback_search MATCH $query)");
        }

        return ("feedback_items i", conditions, ("i.submitted_at", "i.id"));
    }

    /// <summary>The words of a search as an FTS5 query: each word quoted (so no operator can be injected), all required.</summary>
    public static string? SearchTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || c is '\'' or '’')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words.Count == 0 ? null : string.Join(' ', words.Take(InboxFilter.MostSearchWords).Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    /// <summary>A cursor is the last row's arrival time and id, opaque to the browser.</summary>
    public static string Cursor(long submittedAt, long id)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, submittedAt);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), id);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor; null when it is not one of ours.</summary>
    public static (long SubmittedAt, long Id)? ReadCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 24)
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[18];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == 16
            ? (BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)))
            : null;
    }
}
