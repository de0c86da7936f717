using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.Audit;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The audit log in a container of its own (<c>audit</c>) that every instance shares. Entries are only ever created,
/// never replaced or deleted: in Azure the apps' identity holds a data role that grants create and read on this
/// container and nothing else (infra/), so even a fault in the app could not rewrite the log. Entries about Freedom
/// to Speak Up are in a partition of their own, so that each reader's query reads one partition.
/// </summary>
public sealed class CosmosAuditLog(CosmosContainers containers) : IAuditLog
{
    private const int Attempts = 8;
    private readonly Container _audit = containers.Audit;

    /// <inheritdoc />
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        // Ids order entries by time across instances: the millisecond, then a random tie-break; a clash is created again.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var sequence = (entry.At.ToUnixTimeMilliseconds() * 1000) + RandomNumberGenerator.GetInt32(1000);
            var document = new AuditDocument(
                sequence.ToString(CultureInfo.InvariantCulture), sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail)
            {
                Pk = AuditDocument.PartitionOf(entry.IsSpeakUp ? AuditArea.SpeakUp : AuditArea.AllButSpeakUp),
            };
            if (await _audit.TryCreateAsync(document, document.Pk, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException("Could not give the audit entry an id of its own.");
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<(long Id, AuditEntry Entry)> Entries, long? Next)> ReadAsync(AuditQuery query, int pageSize, CancellationToken cancellationToken = default)
    {
        // Only the filters the reader chose are in the query (each a parameter), so each reads what its index serves.
        var filters = new (string Condition, string Parameter, object? Value)[]
        {
            ("c.actor = @actor", "@actor", query.Actor),
            ("c.action = @action", "@action", query.Action),
            ("c.subject = @subject", "@subject", query.Subject),
            ("c.sequence < @before", "@before", query.Before),
        }.Where(filter => filter.Value is not null).ToArray();
        var definition = new QueryDefinition(
                $"SELECT TOP @size * FROM c WHERE c.pk = @pk AND c.type = @type{string.Concat(filters.Select(filter => " AND " + filter.Condition))} ORDER BY c.sequence DESC")
            .WithParameter("@size", pageSize + 1)
            .WithParameter("@type", AuditDocument.TypeName);
        foreach (var (_, parameter, value) in filters)
        {
            definition = definition.WithParameter(parameter, value);
        }

        var entries = new List<(long, AuditEntry)>();
        await foreach (var document in _audit.QueryAsync<AuditDocument>(definition, AuditDocument.PartitionOf(query.Area), cancellationToken))
        {
            entries.Add((document.Sequence, new AuditEntry(document.At, document.Actor, document.Action, document.Subject, document.Detail)));
        }

        if (entries.Count > pageSize)
        {
            entries.RemoveAt(pageSize);
            return (entries, entries[^1].Item1);
        }

        return (entries, null);
    }
}

/// <summary>An audit entry as Cosmos DB keeps it: its sequence (also its id) orders the log.</summary>
internal sealed record AuditDocument(string Id, long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string Detail)
{
    public const string TypeName = "audit-entry";

    public required string Pk { get; init; }

    public string Type { get; init; } = TypeName;

    public static string PartitionOf(AuditArea area) => area == AuditArea.SpeakUp ? "speak-up" : "all-but-speak-up";
}
