using System.Globalization;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Dashboard counts from the SQLite feedback database's monthly and weekly count tables.</summary>
public sealed class SqliteInsightQueries(SqliteDatabase database) : IInsightQueries
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<MonthlyCount>> MonthlyAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT month, service_id, fft_rating, sentiment, n FROM monthly_counts
            WHERE month BETWEEN $from AND $to AND ($service IS NULL OR service_id = $service) AND n > 0;
            """;
        command.Parameters.AddWithValue("$from", from.ToString());
        command.Parameters.AddWithValue("$to", to.ToString());
        command.Parameters.AddWithValue("$service", (object?)serviceId ?? DBNull.Value);
        var rows = new List<MonthlyCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            YearMonth.TryParse(reader.GetString(0), out var month);
            rows.Add(new MonthlyCount(month, reader.GetString(1), WireName<FftRating>.Parse(reader.GetString(2)), reader.GetString(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EqualityAnswerCount>> EqualityAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH asked AS (
                SELECT * FROM equality_monitoring
                WHERE month BETWEEN $from AND $to AND ($service IS NULL OR service_id = $service))
            SELECT 'age', age_band, COUNT(*) FROM asked GROUP BY age_band
            UNION ALL SELECT 'sex', sex, COUNT(*) FROM asked GROUP BY sex
            UNION ALL SELECT 'gender-identity', gender_identity_same_as_birth, COUNT(*) FROM asked GROUP BY gender_identity_same_as_birth
            UNION ALL SELECT 'ethnicity', ethnicity, COUNT(*) FROM asked GROUP BY ethnicity
            UNION ALL SELECT 'disability', disability, COUNT(*) FROM asked GROUP BY disability
            UNION ALL SELECT 'religion', religion, COUNT(*) FROM asked GROUP BY religion
            UNION ALL SELECT 'sexual-orientation', sexual_orientation, COUNT(*) FROM asked GROUP BY sexual_orientation;
            """;
        command.Parameters.AddWithValue("$from", from.ToString());
        command.Parameters.AddWithValue("$to", to.ToString());
        command.Parameters.AddWithValue("$service", (object?)serviceId ?? DBNull.Value);
        var rows = new List<EqualityAnswerCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EqualityAnswerCount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ThemeCount>> ThemesAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT month, service_id, theme, positive, neutral, negative, mixed, total FROM theme_counts
            WHERE month BETWEEN $from AND $to AND ($service IS NULL OR service_id = $service) AND total > 0;
            """;
        command.Parameters.AddWithValue("$from", from.ToString());
        command.Parameters.AddWithValue("$to", to.ToString());
        command.Parameters.AddWithValue("$service", (object?)serviceId ?? DBNull.Value);
        var rows = new List<ThemeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            YearMonth.TryParse(reader.GetString(0), out var month);
            rows.Add(new ThemeCount(month, reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WeeklyThemeCount>> WeeklyThemesAsync(DateOnly fromWeek, DateOnly toWeek, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT week, service_id, theme, negative, total FROM theme_weeks
            WHERE week BETWEEN $from AND $to AND total > 0;
            """;
        command.Parameters.AddWithValue("$from", fromWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", toWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var rows = new List<WeeklyThemeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WeeklyThemeCount(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FftReturnCount>> FftReturnAsync(YearMonth month, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT service_id, max(service_name), collection_mode, fft_rating, count(*) FROM feedback_items
            WHERE submitted_at >= $from AND submitted_at < $to GROUP BY 1, 3, 4 ORDER BY 1, 3, 4;
            """;
        var first = new DateTimeOffset(month.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        command.Parameters.AddWithValue("$from", first.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", first.AddMonths(1).ToUnixTimeMilliseconds());
        var rows = new List<FftReturnCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FftReturnCount(
                reader.GetString(0), reader.GetString(1), WireName<CollectionMode>.Parse(reader.GetString(2)), WireName<FftRating>.Parse(reader.GetString(3)), reader.GetInt32(4)));
        }

        return rows;
    }
}
