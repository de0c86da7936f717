using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.Integrations;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>API clients in the feedback database.</summary>
public sealed class SqliteApiClientStore(SqliteDatabase database) : IApiClientStore
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(ApiClient client, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO api_clients (name, key_hash, key_hint, requests_per_second, issued_at, issued_by)
            VALUES ($name, $keyHash, $keyHint, $rps, $issuedAt, $issuedBy)
            ON CONFLICT DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$name", client.Name);
        insert.Parameters.AddWithValue("$keyHash", client.KeyHash);
        insert.Parameters.AddWithValue("$keyHint", client.KeyHint);
        insert.Parameters.AddWithValue("$rps", (object?)client.RequestsPerSecond ?? DBNull.Value);
        insert.Parameters.AddWithValue("$issuedAt", client.IssuedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$issuedBy", client.IssuedBy);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT name, key_hash, key_hint, requests_per_second, issued_at, issued_by, revoked_at, revoked_by FROM api_clients ORDER BY name;";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var clients = new List<ApiClient>();
        while (await reader.ReadAsync(cancellationToken))
        {
            clients.Add(new ApiClient(
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return clients;
    }

    /// <inheritdoc />
    public async Task<bool> SaveRevocationAsync(ApiClient revoked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE api_clients SET revoked_at = $at, revoked_by = $by WHERE name = $name AND revoked_at IS NULL;";
        update.Parameters.AddWithValue("$name", revoked.Name);
        update.Parameters.AddWithValue("$at", (object?)revoked.RevokedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        update.Parameters.AddWithValue("$by", (object?)revoked.RevokedBy ?? DBNull.Value);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
