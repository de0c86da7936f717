using System.Security.Cryptography;
using QualityVoice.Feedback.Operations;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Tracking;

namespace QualityVoice.Feedback.Intake;

/// <summary>
/// Gives a submission its reference and passphrase and has it stored, for patient feedback and speak-up cases
/// alike: a repeat of an idempotency key gets the first reference and the same (derived) passphrase back, and
/// a reference that collides with a stored one is replaced.
/// </summary>
public sealed class ReferenceIssuer(PassphraseHasher hasher, IRandomSource random)
{
    /// <summary>Issues a reference with <paramref name="prefix"/> and stores the submission with <paramref name="add"/>.</summary>
    /// <param name="prefix">QV for feedback, SU for speak-up cases.</param>
    /// <param name="idempotencyKey">The client's key, if it sent one.</param>
    /// <param name="fingerprint">A hash of the request, to tell a repeat from a reused key.</param>
    /// <param name="add">Stores the submission under a reference with a passphrase hash.</param>
    public async Task<IntakeResult> IssueAsync(
        string prefix,
        IdempotencyKey? idempotencyKey,
        byte[] fingerprint,
        Func<string, byte[], Task<AddResult>> add)
    {
        var kind = prefix == FeedbackReference.FeedbackPrefix ? "feedback" : "speak-up";
        using var activity = QualityVoiceTelemetry.Traces.StartActivity("intake.store");
        activity?.SetTag("qualityvoice.kind", kind);
        var passphrase = idempotencyKey is null ? Passphrase.Create(random) : hasher.DerivePassphrase(idempotencyKey.Scoped);

        // A new reference collides with a stored one about once in 10^11; try again with another.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var reference = FeedbackReference.Create(prefix, random);
            var result = await add(reference, hasher.Hash(reference, passphrase));
            switch (result.Outcome)
            {
                case AddOutcome.Stored:
                    QualityVoiceTelemetry.Received.Add(1, new KeyValuePair<string, object?>("kind", kind));
                    activity?.SetTag("qualityvoice.outcome", "stored");
                    return new IntakeResult.Accepted(reference, passphrase, Repeated: false);
                case AddOutcome.Repeated when IsSameRequest(result.RequestFingerprint, fingerprint):
                    if (result.Reference != reference)
                    {
                        // A store that cannot write a submission's documents in one transaction (Cosmos DB) may hold
                        // the first request's claim without its item, if its writer stopped part-way: this request is
                        // the same, so it is handed over again under the first reference to finish that write.
                        await add(result.Reference, hasher.Hash(result.Reference, passphrase));
                    }

                    return new IntakeResult.Accepted(result.Reference, passphrase, Repeated: true);
                case AddOutcome.Repeated:
                    return new IntakeResult.KeyReused();
            }
        }

        throw new InvalidOperationException("Could not find an unused reference in five attempts; the random source is broken.");
    }

    /// <summary>
    /// Whether a repeat of a key is the same request. Submissions stored before fingerprints were keyed had theirs
    /// removed (they covered personal details); for those the key alone is trusted.
    /// </summary>
    private static bool IsSameRequest(byte[]? stored, byte[] fingerprint) =>
        stored is null || CryptographicOperations.FixedTimeEquals(stored, fingerprint);
}
