using Microsoft.Data.Sqlite;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>A feedback record's columns as the parameters both inserts use: the intake's and the import's.</summary>
internal static class FeedbackRecordParameters
{
    /// <summary>
    /// Adds <c>$reference</c>, <c>$passphraseHash</c>, <c>$kind</c>, <c>$serviceId</c>, <c>$serviceName</c>,
    /// <c>$fftRating</c>, <c>$whatWasGood</c>, <c>$whatCouldImprove</c>, <c>$experienceMonth</c>,
    /// <c>$collectionMode</c>, <c>$contactEmail</c> and <c>$submittedAt</c>.
    /// </summary>
    public static void Add(SqliteCommand command, FeedbackRecord record)
    {
        var feedback = record.Feedback;
        command.Parameters.AddWithValue("$reference", record.Reference);
        command.Parameters.AddWithValue("$passphraseHash", record.PassphraseHash);
        command.Parameters.AddWithValue("$kind", WireName<FeedbackKind>.Of(feedback.Kind));
        command.Parameters.AddWithValue("$serviceId", feedback.ServiceId);
        command.Parameters.AddWithValue("$serviceName", feedback.ServiceName);
        command.Parameters.AddWithValue("$fftRating", WireName<FftRating>.Of(feedback.FftRating));
        command.Parameters.AddWithValue("$whatWasGood", (object?)feedback.WhatWasGood ?? DBNull.Value);
        command.Parameters.AddWithValue("$whatCouldImprove", (object?)feedback.WhatCouldImprove ?? DBNull.Value);
        command.Parameters.AddWithValue("$experienceMonth", (object?)feedback.ExperienceMonth?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$collectionMode", WireName<CollectionMode>.Of(feedback.CollectionMode));
        command.Parameters.AddWithValue("$contactEmail", (object?)record.ProtectedContactEmail ?? DBNull.Value);
        command.Parameters.AddWithValue("$submittedAt", record.SubmittedAt.ToUnixTimeMilliseconds());
    }
}
