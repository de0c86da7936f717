using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>The guardians' choice of figures for the pack, in the speak-up database.</summary>
public sealed class SqliteSpeakUpPackRelease(SqliteDatabase database) : ISpeakUpPackRelease
{
    /// <inheritdoc />
    public async Task<SpeakUpPackRelease> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT measures, set_by, set_at FROM speak_up_pack_release WHERE id = 1;";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return SpeakUpPackRelease.Nothing;
        }

        var measures = reader.GetString(0).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => WireName<SpeakUpMeasure>.TryParse(name, out var measure) ? measure : (SpeakUpMeasure?)null)
            .OfType<SpeakUpMeasure>()
            .ToArray();
        return new SpeakUpPackRelease(measures, reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    /// <inheritdoc />
    public async Task SaveAsync(SpeakUpPackRelease release, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO speak_up_pack_release (id, measures, set_by, set_at) VALUES (1, $measures, $by, $at)
            ON CONFLICT (id) DO UPDATE SET measures = excluded.measures, set_by = excluded.set_by, set_at = excluded.set_at;
            """;
        upsert.Parameters.AddWithValue("$measures", string.Join(',', release.Measures.Select(WireName<SpeakUpMeasure>.Of)));
        upsert.Parameters.AddWithValue("$by", release.SetBy);
        upsert.Parameters.AddWithValue("$at", release.SetAt.ToUnixTimeMilliseconds());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
