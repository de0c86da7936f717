using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Other intelligence in the feedback database, one row a service, month, channel and subject.</summary>
public sealed class SqliteOtherIntelligence(SqliteDatabase database) : IOtherIntelligence
{
    /// <inheritdoc />
    public async Task SaveAsync(IReadOnlyList<IntelligenceCount> counts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO other_intelligence (service_id, month, channel, subject, n, uploaded_by, uploaded_at)
            VALUES ($service, $month, $channel, $subject, $n, $by, $at)
            ON CONFLICT (service_id, month, channel, subject) DO UPDATE SET subject = excluded.subject, n = excluded.n, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at;
            """;
        var parameters = new[] { "$service", "$month", "$channel", "$subject", "$n", "$by", "$at" }.Select(name => upsert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name })).ToArray();
        foreach (var count in counts)
        {
            parameters[0].Value = count.ServiceId;
            parameters[1].Value = count.Month.ToString();
            parameters[2].Value = WireName<IntelligenceChannel>.Of(count.Channel);
            parameters[3].Value = count.Subject;
            parameters[4].Value = count.Count;
            parameters[5].Value = count.UploadedBy;
            parameters[6].Value = count.UploadedAt.ToUnixTimeMilliseconds();
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IntelligenceCount>> ReadAsync(YearMonth from, YearMonth to, string? serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT service_id, month, channel, subject, n, uploaded_by, uploaded_at FROM other_intelligence
            WHERE month BETWEEN $from AND $to AND ($service IS NULL OR service_id = $service)
            ORDER BY month, service_id, channel, subject;
            """;
        select.Parameters.AddWithValue("$from", from.ToString());
        select.Parameters.AddWithValue("$to", to.ToString());
        select.Parameters.AddWithValue("$service", (object?)serviceId ?? DBNull.Value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var counts = new List<IntelligenceCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (YearMonth.TryParse(reader.GetString(1), out var month) && WireName<IntelligenceChannel>.TryParse(reader.GetString(2), out var channel))
            {
                counts.Add(new IntelligenceCount(
                    reader.GetString(0), month, channel, reader.GetString(3), reader.GetInt32(4), reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }
        }

        return counts;
    }
}
