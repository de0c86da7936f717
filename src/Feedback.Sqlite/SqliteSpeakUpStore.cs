using System.Globalization;
using Microsoft.Data.Sqlite;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Speak-up cases in their own SQLite file (<c>speak-up.db</c>), apart from patient feedback.</summary>
public sealed class SqliteSpeakUpStore(SqliteDatabase database) : ISpeakUpStore, ISpeakUpCasework
{

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

        // Acknowledged only if it went to the file at the database's path, not to one deleted or moved away.
        database.EnsureSameFile();
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
    public async Task<bool> AddMessageAsync(string reference, SpeakUpMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO speak_up_messages (case_reference, sequence, from_guardian, body, sent_on)
            SELECT reference, (SELECT coalesce(max(sequence), 0) + 1 FROM speak_up_messages WHERE case_reference = $reference),
                   $fromGuardian, $body, $sentOn
            FROM speak_up_cases WHERE reference = $reference;
            UPDATE speak_up_cases SET status = 'in-progress', version = version + 1
            WHERE reference = $reference AND $fromGuardian = 1 AND status = 'received';
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$fromGuardian", message.FromGuardian);
        command.Parameters.AddWithValue("$body", message.Body);
        command.Parameters.AddWithValue("$sentOn", Day(message.SentOn));
        var added = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpeakUpCase>> ListAsync(CancellationToken cancellationToken) =>
        await ReadCasesAsync(null, cancellationToken);

    /// <inheritdoc />
    public async Task<SpeakUpCase?> GetAsync(string reference, CancellationToken cancellationToken) =>
        (await ReadCasesAsync(reference, cancellationToken)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<bool> AddNoteAsync(string reference, SpeakUpNote note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO speak_up_notes (case_reference, sequence, author, body, written_on)
            SELECT reference, (SELECT coalesce(max(sequence), 0) + 1 FROM speak_up_notes WHERE case_reference = $reference), $author, $body, $writtenOn
            FROM speak_up_cases WHERE reference = $reference;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$author", note.Author);
        command.Parameters.AddWithValue("$body", note.Body);
        command.Parameters.AddWithValue("$writtenOn", Day(note.WrittenOn));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> SetStatusAsync(string reference, SpeakUpStatus status, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE speak_up_cases SET status = $status, closed_on = CASE WHEN $closed THEN coalesce(closed_on, $today) END, version = version + 1
            WHERE reference = $reference;
            """;
        command.Parameters.AddWithValue("$status", WireName<SpeakUpStatus>.Of(status));
        command.Parameters.AddWithValue("$closed", status == SpeakUpStatus.Closed);
        command.Parameters.AddWithValue("$today", Day(today));
        command.Parameters.AddWithValue("$reference", reference);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveDetailsAsync(string reference, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE speak_up_cases SET concern = '', identity = NULL, organisation_name = NULL, details_removed_on = $today, version = version + 1
            WHERE reference = $reference AND details_removed_on IS NULL
            RETURNING reference;
            """;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$today", Day(today));
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            return false; // No such case, or its details are gone already (another instance's run).
        }

        command.CommandText = """
            DELETE FROM speak_up_messages WHERE case_reference = $reference;
            DELETE FROM speak_up_notes WHERE case_reference = $reference;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>One case, or every case (newest first), with their conversations.</summary>
    private async Task<IReadOnlyList<SpeakUpCase>> ReadCasesAsync(string? reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference, mode, categories, detriment, professional_group, organisation_name, concern, identity, raised_on, status,
                   closed_on, details_removed_on
            FROM speak_up_cases WHERE $reference IS NULL OR reference = $reference ORDER BY raised_on DESC, reference;
            SELECT case_reference, from_guardian, body, sent_on FROM speak_up_messages
            WHERE $reference IS NULL OR case_reference = $reference ORDER BY case_reference, sequence;
            SELECT case_reference, author, body, written_on FROM speak_up_notes
            WHERE $reference IS NULL OR case_reference = $reference ORDER BY case_reference, sequence;
            """;
        command.Parameters.AddWithValue("$reference", (object?)reference ?? DBNull.Value);
        var cases = new List<SpeakUpCase>();
        var messages = new Dictionary<string, List<SpeakUpMessage>>(StringComparer.Ordinal);
        var notes = new Dictionary<string, List<SpeakUpNote>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var found = reader.GetString(0);
            messages[found] = [];
            notes[found] = [];
            cases.Add(new SpeakUpCase(
                found,
                WireName<SpeakUpMode>.Parse(reader.GetString(1)),
                reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(WireName<SpeakUpCategory>.Parse).ToArray(),
                WireName<DetrimentAnswer>.Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                ParseDay(reader.GetString(8)),
                WireName<SpeakUpStatus>.Parse(reader.GetString(9)),
                messages[found],
                notes[found],
                reader.IsDBNull(10) ? null : ParseDay(reader.GetString(10)),
                reader.IsDBNull(11) ? null : ParseDay(reader.GetString(11))));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages[reader.GetString(0)].Add(new SpeakUpMessage(reader.GetBoolean(1), reader.GetString(2), ParseDay(reader.GetString(3))));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notes[reader.GetString(0)].Add(new SpeakUpNote(reader.GetString(1), reader.GetString(2), ParseDay(reader.GetString(3))));
        }

        return cases;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

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
