using System.Security.Cryptography;
using System.Text;
using QualityVoice.Analysis;
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

    /// <summary>
    /// Stores one item as analysed (negative, one theme, its words hidden as <paramref name="redacted"/>), with a contact
    /// address as the intake would have encrypted it; returns its reference.
    /// </summary>
    public static async Task<string> ImportAnalysedAsync(
        IFeedbackStore store, DateTimeOffset at, string text, string redacted, string theme = "Staff manner & personal attributes", bool urgent = false)
    {
        var record = Record(submittedAt: at, feedback: Feedback(text)) with { ProtectedContactEmail = "CfDJ8-an-encrypted-address" };
        var analysis = new FeedbackAnalysis(
            Sentiment.Negative, -0.5, [new ThemePrediction(theme, 0.9)], [], [], "Kind staff", redacted, [], urgent, urgent ? ["abuse"] : [], "test", "model-1", at);
        Assert.Equal(1, await store.ImportAsync([new ImportedFeedback(record, analysis, TriageStatus.New, null)], CancellationToken.None));
        return record.Reference;
    }

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
