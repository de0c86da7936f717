using System.Globalization;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Speak-up cases in their own SQLite file (<c>speak-up.db</c>), apart from patient feedback.</summary>
public sealed class SqliteSpeakUpStore(SqliteDatabase database) : ISpeakUpStore
{
    private readonly SqliteTrackingAttemptLedger _attempts = new(database);

    /// <summary>The schema scripts of the speak-up database.</summary>
    public static SqliteMigrations Migrations { get; } = SqliteMigrations.FromEmbeddedResources(
        typeof(SqliteSpeakUpStore).Assembly, "QualityVoice.Feedback.Storage.Sqlite.Migrations.speakup.");

    /// <inheritdoc />
    public async Task<AddResult> AddAsync(SpeakUpRecord record, CancellationToken cancellationToken)
    {
        var raised = record.Case;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO speak_up_cases
                (reference, idempotency_key, request_fingerprint, passphrase_hash, mode, categories, detriment,
                 professional_group, organisation_name, concern, identity, raised_on)
            VALUES
                ($reference, $idempotencyKey, $fingerprint, $passphraseHash, $mode, $categories, $detriment,
                 $professionalGroup, $organisationName, $concern, $identity, $raisedOn)
            ON CONFLICT DO NOTHING
            RETURNING reference;
            """;
        insert.Parameters.AddWithValue("$reference", record.Reference);
        insert.Parameters.AddWithValue("$idempotencyKey", (object?)record.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$fingerprint", (object?)record.RequestFingerprint ?? DBNull.Value);
        insert.Parameters.AddWithValue("$passphraseHash", record.PassphraseHash);
        insert.Parameters.AddWithValue("$mode", WireName<SpeakUpMode>.Of(raised.Mode));
        insert.Parameters.AddWithValue("$categories", string.Join(',', raised.Categories.Select(WireName<SpeakUpCategory>.Of)));
        insert.Parameters.AddWithValue("$detriment", WireName<DetrimentAnswer>.Of(raised.Detriment));
        insert.Parameters.AddWithValue("$professionalGroup", raised.ProfessionalGroup);
        insert.Parameters.AddWithValue("$organisationName", (object?)raised.OrganisationName ?? DBNull.Value);
        insert.Parameters.AddWithValue("$concern", raised.Concern);
        insert.Parameters.AddWithValue("$identity", (object?)record.ProtectedIdentity ?? DBNull.Value);
        insert.Parameters.AddWithValue("$raisedOn", record.RaisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var stored = await insert.ExecuteScalarAsync(cancellationToken) is not null;

        AddResult result;
        if (stored)
        {
            result = new AddResult(AddOutcome.Stored, record.Reference);
        }
        else if (record.IdempotencyKey is not null && await FindByKeyAsync(connection, transaction, record.IdempotencyKey, cancellationToken) is { } repeat)
        {
            result = repeat;
        }
        else
        {
            result = new AddResult(AddOutcome.ReferenceTaken, record.Reference);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public async Task<(SpeakUpCaseSummary Case, byte[] PassphraseHash)?> FindForReporterAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT mode, raised_on, status, passphrase_hash FROM speak_up_cases WHERE reference = $reference;
            SELECT from_guardian, body, sent_on FROM speak_up_messages WHERE case_reference = $reference ORDER BY sequence;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var mode = WireName<SpeakUpMode>.Parse(reader.GetString(0));
        var raisedOn = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var status = WireName<SpeakUpStatus>.Parse(reader.GetString(2));
        var hash = (byte[])reader.GetValue(3);
        var messages = new List<SpeakUpMessage>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new SpeakUpMessage(reader.GetBoolean(0), reader.GetString(1), DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return (new SpeakUpCaseSummary(reference, mode, raisedOn, status, messages), hash);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> LockedUntilAsync(string reference, DateTimeOffset now, CancellationToken cancellationToken) =>
        _attempts.LockedUntilAsync(reference, now, cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset?> RecordFailureAsync(string reference, DateTimeOffset now, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken) =>
        _attempts.RecordFailureAsync(reference, now, maxFailures, lockFor, cancellationToken);

    /// <inheritdoc />
    public Task ClearFailuresAsync(string reference, CancellationToken cancellationToken) =>
        _attempts.ClearFailuresAsync(reference, cancellationToken);

    private static async Task<AddResult?> FindByKeyAsync(SqliteConnection connection, SqliteTransaction transaction, byte[] key, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT reference, request_fingerprint FROM speak_up_cases WHERE idempotency_key = $key;";
        find.Parameters.AddWithValue("$key", key);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AddResult(AddOutcome.Repeated, reader.GetString(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1))
            : null;
    }
}
