namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>One schema script.</summary>
/// <param name="Version">Its number, from 1.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sql">The statements.</param>
public sealed record SqliteMigration(int Version, string Name, string Sql);
