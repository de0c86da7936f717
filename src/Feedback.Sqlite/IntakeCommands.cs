using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// The statements that add feedback records inside one transaction (the intake writer's group commit, or a batch of an
/// import). The insert is prepared once and reused for every record of the transaction.
/// </summary>
internal sealed class IntakeCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private SqliteCommand? _insert;

    public async Task<AddResult> AddAsync(FeedbackRecord record)
    {
        var feedback = record.Feedback;

        // The unique indexes decide: a repeated idempotency key or reference inserts nothing.
        var insert = _insert ??= CreateInsert();
        insert.Parameters.Clear();
        FeedbackRecordParameters.Add(insert, record);
        insert.Parameters.AddWithValue("$idempotencyKey", (object?)record.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$fingerprint", (object?)record.RequestFingerprint ?? DBNull.Value);
        insert.Parameters.AddWithValue("$queuedAt", record.ReceivedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$trace", (object?)record.TraceParent ?? DBNull.Value);
        if (await insert.ExecuteScalarAsync() is not null)
        {
            await AddEqualityMonitoringAsync(feedback, record.SubmittedAt);
            return new AddResult(AddOutcome.Stored, record.Reference);
        }

        if (record.IdempotencyKey is not null)
        {
            await using var find = connection.CreateCommand();
            find.Transaction = transaction;
            find.CommandText = "SELECT reference, request_fingerprint FROM feedback_items WHERE idempotency_key = $key;";
            find.Parameters.AddWithValue("$key", record.IdempotencyKey);
            await using var reader = await find.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return new AddResult(
                    AddOutcome.Repeated,
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
            }
        }

        return new AddResult(AddOutcome.ReferenceTaken, record.Reference);
    }

    private async Task AddEqualityMonitoringAsync(NewFeedback feedback, DateTimeOffset submittedAt)
    {
        if (feedback.EqualityMonitoring is not { IsEmpty: false } answers)
        {
            return;
        }

        // A random id, so that the row's position says nothing about which feedback it came with.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO equality_monitoring
                (id, service_id, month, age_band, sex, gender_identity_same_as_birth, ethnicity, disability, religion, sexual_orientation)
            VALUES
                (abs(random()), $serviceId, $month, $ageBand, $sex, $genderIdentity, $ethnicity, $disability, $religion, $sexualOrientation);
            """;
        insert.Parameters.AddWithValue("$serviceId", feedback.ServiceId);
        insert.Parameters.AddWithValue("$month", YearMonth.Of(submittedAt).ToString());
        insert.Parameters.AddWithValue("$ageBand", (object?)answers.AgeBand ?? DBNull.Value);
        insert.Parameters.AddWithValue("$sex", (object?)answers.Sex ?? DBNull.Value);
        insert.Parameters.AddWithValue("$genderIdentity", (object?)answers.GenderIdentitySameAsBirth ?? DBNull.Value);
        insert.Parameters.AddWithValue("$ethnicity", (object?)answers.Ethnicity ?? DBNull.Value);
        insert.Parameters.AddWithValue("$disability", (object?)answers.Disability ?? DBNull.Value);
        insert.Parameters.AddWithValue("$religion", (object?)answers.Religion ?? DBNull.Value);
        insert.Parameters.AddWithValue("$sexualOrientation", (object?)answers.SexualOrientation ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
    }

    private SqliteCommand CreateInsert()
    {
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO feedback_items
                (reference, idempotency_key, request_fingerprint, passphrase_hash, kind, service_id, service_name,
                 fft_rating, what_was_good, what_could_improve, experience_month, collection_mode, contact_email, submitted_at,
                 analysis_queued_at, analysis_trace)
            VALUES
                ($reference, $idempotencyKey, $fingerprint, $passphraseHash, $kind, $serviceId, $serviceName,
                 $fftRating, $whatWasGood, $whatCouldImprove, $experienceMonth, $collectionMode, $contactEmail, $submittedAt,
                 $queuedAt, $trace)
            ON CONFLICT DO NOTHING
            RETURNING id;
            """;
        return insert;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
