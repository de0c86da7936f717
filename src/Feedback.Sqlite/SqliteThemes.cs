using Microsoft.Data.Sqlite;
using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Writes an item's themes and its searchable text, inside the caller's transaction.</summary>
internal static class SqliteThemes
{
    /// <summary>
    /// Replaces an item's themes, each with the feeling about it where one was read (<paramref name="feelings"/>; the
    /// others take the item's). The triggers keep the theme counts in step.
    /// </summary>
    public static async Task ReplaceAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long itemId,
        IEnumerable<ThemePrediction> themes,
        IReadOnlyList<ThemeSentiment>? feelings,
        CancellationToken cancellationToken)
    {
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM feedback_themes WHERE item_id = $id;";
            clear.Parameters.AddWithValue("$id", itemId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO feedback_themes (item_id, theme, confidence, submitted_at, service_id, sentiment)
            SELECT id, $theme, $confidence, submitted_at, service_id, $sentiment FROM feedback_items WHERE id = $id;
            """;
        var theme = insert.Parameters.Add("$theme", SqliteType.Text);
        var confidence = insert.Parameters.Add("$confidence", SqliteType.Real);
        var sentiment = insert.Parameters.Add("$sentiment", SqliteType.Text);
        insert.Parameters.AddWithValue("$id", itemId);
        foreach (var prediction in themes)
        {
            theme.Value = prediction.Name;
            confidence.Value = prediction.Confidence;
            sentiment.Value = feelings?.FirstOrDefault(feeling => feeling.Theme == prediction.Name) is { } feeling
                ? WireName<Sentiment>.Of(feeling.Sentiment)
                : DBNull.Value;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The feelings read about an item's themes (those that have their own).</summary>
    public static async Task<IReadOnlyList<ThemeSentiment>> FeelingsAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT theme, sentiment FROM feedback_themes WHERE item_id = $id AND sentiment IS NOT NULL;";
        command.Parameters.AddWithValue("$id", itemId);
        var feelings = new List<ThemeSentiment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (WireName<Sentiment>.TryParse(reader.GetString(1), out var sentiment))
            {
                feelings.Add(new ThemeSentiment(reader.GetString(0), sentiment));
            }
        }

        return feelings;
    }

    /// <summary>Sets aside the feelings read about an item's themes, so that they take the item's (a member of staff's correction of it).</summary>
    public static async Task ClearFeelingsAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE feedback_themes SET sentiment = NULL WHERE item_id = $id AND sentiment IS NOT NULL;";
        command.Parameters.AddWithValue("$id", itemId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Makes the redacted text searchable, replacing what was indexed before.</summary>
    public static async Task IndexTextAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, string? good, string? improve, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM feedback_search WHERE rowid = $id;
            INSERT INTO feedback_search (rowid, text) VALUES ($id, $text);
            """;
        command.Parameters.AddWithValue("$id", itemId);
        command.Parameters.AddWithValue("$text", string.Join('\n', new[] { good, improve }.Where(text => !string.IsNullOrEmpty(text))));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
