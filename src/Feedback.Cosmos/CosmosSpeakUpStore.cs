using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// Freedom to Speak Up cases in their own container, <c>speak-up</c>, never beside patient feedback. An ICB's
/// guardians handle hundreds of cases a year, not millions, so every case and its conversation sits in one logical
/// partition (<c>cases</c>): every read is a point read or a single-partition query, well inside one partition's limits.
/// </summary>
public sealed class CosmosSpeakUpStore : ISpeakUpStore, ISpeakUpCasework
{
    private const string Cases = "cases";

    private readonly Microsoft.Azure.Cosmos.Container _speakUp;

    /// <summary>Opens the store on containers that exist.</summary>
    public CosmosSpeakUpStore(CosmosContainers containers)
    {
        _speakUp = containers.SpeakUp;
    }

    /// <inheritdoc />
    public async Task<AddResult> AddAsync(SpeakUpRecord record, CancellationToken cancellationToken)
    {
        var document = CaseDocument.From(record);
        if (document.IdempotencyKey is { } key)
        {
            var claim = new CaseClaimDocument(ClaimId(key), Cases, document.Id, document.RequestFingerprint, CaseClaimDocument.LifetimeSeconds);
            if (!await _speakUp.TryCreateAsync(claim, Cases, cancellationToken))
            {
                var (earlier, _) = await _speakUp.TryReadAsync<CaseClaimDocument>(ClaimId(key), Cases, cancellationToken);
                if (earlier is null)
                {
                    throw new StoreUnavailableException("The first request with this idempotency key is still being written.");
                }

                // The intake hands a matching repeat over again under the first reference: finish the first write
                // from it if its writer stopped part-way (the claim keeps no copy of the concern or who raised it).
                if (earlier.Reference == document.Id && !await _speakUp.TryCreateAsync(document, Cases, cancellationToken))
                {
                    var (existing, _) = await _speakUp.TryReadAsync<CaseDocument>(earlier.Reference, Cases, cancellationToken);
                    if (existing?.IdempotencyKey != key)
                    {
                        throw new StoreUnavailableException("The first request with this idempotency key is still being written.");
                    }
                }

                return new AddResult(AddOutcome.Repeated, earlier.Reference, earlier.RequestFingerprint);
            }
        }

        if (!await _speakUp.TryCreateAsync(document, Cases, cancellationToken))
        {
            if (document.IdempotencyKey is { } claimed)
            {
                await _speakUp.DeleteIfPresentAsync(ClaimId(claimed), Cases, cancellationToken);
            }

            return new AddResult(AddOutcome.ReferenceTaken, record.Reference);
        }

        return new AddResult(AddOutcome.Stored, record.Reference);
    }

    /// <inheritdoc />
    public async Task<(SpeakUpCaseSummary Case, byte[] PassphraseHash)?> FindForReporterAsync(string reference, CancellationToken cancellationToken)
    {
        var (found, _) = await _speakUp.TryReadAsync<CaseDocument>(reference, Cases, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var summary = new SpeakUpCaseSummary(found.Id, found.Mode, found.RaisedOn, found.Status, found.Messages);
        return (summary, found.PassphraseHash);
    }

    /// <inheritdoc />
    public Task<bool> AddMessageAsync(string reference, SpeakUpMessage message, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            found => found with
            {
                Messages = [.. found.Messages, message],
                Status = message.FromGuardian && found.Status == SpeakUpStatus.Received ? SpeakUpStatus.InProgress : found.Status,
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> AddNoteAsync(string reference, SpeakUpNote note, CancellationToken cancellationToken) =>
        ChangeAsync(reference, found => found with { Notes = [.. found.Notes, note] }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> SetStatusAsync(string reference, SpeakUpStatus status, DateOnly today, CancellationToken cancellationToken) =>
        ChangeAsync(reference, found => found with { Status = status, ClosedOn = status == SpeakUpStatus.Closed ? found.ClosedOn ?? today : null }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveDetailsAsync(string reference, DateOnly today, CancellationToken cancellationToken) =>
        ChangeAsync(
            reference,
            found => found.DetailsRemovedOn is not null
                ? null
                : found with { Concern = string.Empty, Identity = null, OrganisationName = null, Messages = [], Notes = [], DetailsRemovedOn = today },
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpeakUpCase>> ListAsync(CancellationToken cancellationToken)
    {
        var query = new Microsoft.Azure.Cosmos.QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'case'");
        var cases = new List<SpeakUpCase>();
        await foreach (var found in _speakUp.QueryAsync<CaseDocument>(query, Cases, cancellationToken))
        {
            cases.Add(found.ToCase());
        }

        return cases.OrderByDescending(found => found.RaisedOn).ThenBy(found => found.Reference, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public async Task<SpeakUpCase?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        var (found, _) = await _speakUp.TryReadAsync<CaseDocument>(reference, Cases, cancellationToken);
        return found?.Type == "case" ? found.ToCase() : null;
    }

    private static string ClaimId(string key) => "idempotency:" + key;

    /// <summary>
    /// Reads a case, changes it and writes it back if nobody else wrote it meanwhile (its ETag), else tries again; false
    /// when there is no such case or <paramref name="change"/> leaves it (null).
    /// </summary>
    private async Task<bool> ChangeAsync(string reference, Func<CaseDocument, CaseDocument?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (found, eTag) = await _speakUp.TryReadAsync<CaseDocument>(reference, Cases, cancellationToken);
            if (found is null || found.Type != "case")
            {
                return false;
            }

            if (change(found) is not { } changed)
            {
                return false;
            }

            if (await _speakUp.TryReplaceAsync(changed, reference, Cases, eTag!, cancellationToken))
            {
                return true;
            }
        }

        throw new StoreUnavailableException("The case kept changing while it was being written; try again.");
    }

    /// <summary>A case: its id is its reference. Dates are days; nothing identifies an anonymous reporter.</summary>
    private sealed record CaseDocument
    {
        public required string Id { get; init; }

        public string Pk { get; init; } = Cases;

        public string Type { get; init; } = "case";

        public string? IdempotencyKey { get; init; }

        public byte[]? RequestFingerprint { get; init; }

        public required byte[] PassphraseHash { get; init; }

        public required SpeakUpMode Mode { get; init; }

        public required IReadOnlyList<SpeakUpCategory> Categories { get; init; }

        public required DetrimentAnswer Detriment { get; init; }

        public required string ProfessionalGroup { get; init; }

        public string? OrganisationName { get; init; }

        public required string Concern { get; init; }

        public string? Identity { get; init; }

        public required DateOnly RaisedOn { get; init; }

        public SpeakUpStatus Status { get; init; } = SpeakUpStatus.Received;

        public IReadOnlyList<SpeakUpMessage> Messages { get; init; } = [];

        public IReadOnlyList<SpeakUpNote> Notes { get; init; } = [];

        public DateOnly? ClosedOn { get; init; }

        public DateOnly? DetailsRemovedOn { get; init; }

        public SpeakUpCase ToCase() =>
            new(Id, Mode, Categories, Detriment, ProfessionalGroup, OrganisationName, Concern, Identity, RaisedOn, Status, Messages, Notes, ClosedOn, DetailsRemovedOn);

        public static CaseDocument From(SpeakUpRecord record) => new()
        {
            Id = record.Reference,
            IdempotencyKey = record.IdempotencyKey is null ? null : Convert.ToHexString(record.IdempotencyKey),
            RequestFingerprint = record.RequestFingerprint,
            PassphraseHash = record.PassphraseHash,
            Mode = record.Case.Mode,
            Categories = record.Case.Categories,
            Detriment = record.Case.Detriment,
            ProfessionalGroup = record.Case.ProfessionalGroup,
            OrganisationName = record.Case.OrganisationName,
            Concern = record.Case.Concern,
            Identity = record.ProtectedIdentity,
            RaisedOn = record.RaisedOn,
        };
    }

    /// <summary>
    /// Claims an idempotency key for a week (Cosmos DB's TTL then removes it), with the first request's reference
    /// and keyed fingerprint only: never a copy of the concern or of who raised it.
    /// </summary>
    private sealed record CaseClaimDocument(string Id, string Pk, string Reference, byte[]? RequestFingerprint, int Ttl)
    {
        public const int LifetimeSeconds = 7 * 24 * 60 * 60;

        public string Type { get; init; } = "idempotency";
    }
}
