using Microsoft.Azure.Cosmos;
using QualityVoice.Feedback.SpeakUp;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>The guardians' choice of figures for the pack: one document in the speak-up container, in a partition of its own.</summary>
public sealed class CosmosSpeakUpPackRelease(CosmosContainers containers) : ISpeakUpPackRelease
{
    private const string Partition = "pack-release";
    private const string Id = "pack-release";
    private readonly Container _speakUp = containers.SpeakUp;

    /// <inheritdoc />
    public async Task<SpeakUpPackRelease> GetAsync(CancellationToken cancellationToken)
    {
        var (document, _) = await _speakUp.TryReadAsync<ReleaseDocument>(Id, Partition, cancellationToken);
        return document is null
            ? SpeakUpPackRelease.Nothing
            : new SpeakUpPackRelease([.. document.Measures.Where(Enum.IsDefined)], document.SetBy, document.SetAt);
    }

    /// <inheritdoc />
    public async Task SaveAsync(SpeakUpPackRelease release, CancellationToken cancellationToken) =>
        await _speakUp.UpsertItemAsync(new ReleaseDocument(Id, Partition, [.. release.Measures], release.SetBy, release.SetAt), new PartitionKey(Partition), cancellationToken: cancellationToken);

    private sealed record ReleaseDocument(string Id, string Pk, SpeakUpMeasure[] Measures, string SetBy, DateTimeOffset SetAt);
}
