using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Services' escalation levels in the feedback database, one row a change.</summary>
public sealed class SqliteServiceEscalations(SqliteDatabase database) : IServiceEscalations
{
    /// <inheritdoc />
    public async Task AddAsync(ServiceEscalation escalation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO service_escalations (service_id, level, reason, set_by, set_at) VALUES ($service, $level, $reason, $by, $at);";
        insert.Parameters.AddWithValue("$service", escalation.ServiceId);
        insert.Parameters.AddWithValue("$level", WireName<EscalationLevel>.Of(escalation.Level));
        insert.Parameters.AddWithValue("$reason", escalation.Reason);
        insert.Parameters.AddWithValue("$by", escalation.SetBy);
        insert.Parameters.AddWithValue("$at", escalation.SetAt.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServiceEscalation>> HistoryAsync(string serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT level, reason, set_by, set_at FROM service_escalations WHERE service_id = $service ORDER BY set_at DESC, id DESC;";
        select.Parameters.AddWithValue("$service", serviceId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var history = new List<ServiceEscalation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (WireName<EscalationLevel>.TryParse(reader.GetString(0), out var level))
            {
                history.Add(new ServiceEscalation(serviceId, level, reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }
        }

        return history;
    }
}
