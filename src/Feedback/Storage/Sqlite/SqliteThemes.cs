using Microsoft.Data.Sqlite;
using QualityVoice.Analysis;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Writes an item's themes and its searchable text, inside the caller's transaction.</summary>
internal static class SqliteThemes
{
    /// <summary>Replaces an item's themes (the triggers keep the theme counts in step).</summary>
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, long itemId, IEnumerable<ThemePrediction> themes, CancellationToken cancellationToken)
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
            INSERT INTO feedback_themes (item_id, theme, confidence, submitted_at, service_id)
            SELECT id, $theme, $confidence, submitted_at, service_id FROM feedback_items WHERE id = $id;
            """;
        var theme = insert.Parameters.Add("$theme", SqliteType.Text);
        var confidence = insert.Parameters.Add("$confidence", SqliteType.Real);
        insert.Parameters.AddWithValue("$id", itemId);
        foreach (var prediction in themes)
        {
            theme.Value = prediction.Name;
            confidence.Value = prediction.Confidence;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
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
