using System.Security.Cryptography;
using System.Text;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>Records for store tests, each with a unique reference unless told otherwise.</summary>
internal static class FeedbackRecords
{
    private static int _counter;

    public static NewFeedback Feedback(string? whatCouldImprove = "The wait was long") => new(
        FeedbackKind.Patient,
        "rvi-ae",
        "Royal Victoria Infirmary – A&E",
        FftRating.Good,
        "Kind staff",
        whatCouldImprove,
        new YearMonth(2026, 10),
        CollectionMode.Online);

    public static FeedbackRecord Record(
        string? reference = null,
        string? idempotencyKey = null,
        DateTimeOffset? submittedAt = null,
        NewFeedback? feedback = null) => new(
        feedback ?? Feedback(),
        reference ?? NextReference(),
        new byte[32],
        submittedAt ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        ProtectedContactEmail: null,
        IdempotencyKey: idempotencyKey is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)),
        RequestFingerprint: idempotencyKey is null ? null : [1, 2, 3]);

    public static string NextReference()
    {
        var n = Interlocked.Increment(ref _counter);
        var alphabet = FeedbackReference.Alphabet;
        Span<char> chars = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = alphabet[n % alphabet.Length];
            n /= alphabet.Length;
        }

        return $"QV-{chars[..4]}-{chars[4..]}";
    }
}
