using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Kept reports in the feedback database.</summary>
public sealed class SqliteKeptReports(SqliteDatabase database) : IKeptReports
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(KeptReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO kept_reports (id, kind, title, generated_at, generated_by, figures)
            VALUES ($id, $kind, $title, $at, $by, $figures)
            ON CONFLICT (id) DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$id", report.Id);
        insert.Parameters.AddWithValue("$kind", WireName<KeptReportKind>.Of(report.Kind));
        insert.Parameters.AddWithValue("$title", report.Title);
        insert.Parameters.AddWithValue("$at", report.GeneratedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$by", report.GeneratedBy);
        insert.Parameters.AddWithValue("$figures", report.Figures);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KeptReportSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, kind, title, generated_at, generated_by FROM kept_reports ORDER BY generated_at DESC, id;";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var kept = new List<KeptReportSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (WireName<KeptReportKind>.TryParse(reader.GetString(1), out var kind))
            {
                kept.Add(new KeptReportSummary(reader.GetString(0), kind, reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetString(4)));
            }
        }

        return kept;
    }

    /// <inheritdoc />
    public async Task ReplaceFiguresAsync(string id, string figures, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE kept_reports SET figures = $figures WHERE id = $id;";
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$figures", figures);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KeptReport?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT kind, title, generated_at, generated_by, figures FROM kept_reports WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && WireName<KeptReportKind>.TryParse(reader.GetString(0), out var kind)
            ? new KeptReport(id, kind, reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4))
            : null;
    }
}
