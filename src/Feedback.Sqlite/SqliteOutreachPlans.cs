using System.Globalization;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>Outreach plans in the feedback database.</summary>
public sealed class SqliteOutreachPlans(SqliteDatabase database) : IOutreachPlans
{
    /// <inheritdoc />
    public async Task AddAsync(OutreachPlan plan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO outreach_plans (id, group_name, what, starts_on, recorded_by, recorded_at) VALUES ($id, $group, $what, $starts, $by, $at);";
        insert.Parameters.AddWithValue("$id", plan.Id);
        insert.Parameters.AddWithValue("$group", plan.Group);
        insert.Parameters.AddWithValue("$what", plan.What);
        insert.Parameters.AddWithValue("$starts", plan.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$by", plan.RecordedBy);
        insert.Parameters.AddWithValue("$at", plan.RecordedAt.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutreachPlan>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, group_name, what, starts_on, recorded_by, recorded_at FROM outreach_plans ORDER BY starts_on DESC, recorded_at DESC;";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var plans = new List<OutreachPlan>();
        while (await reader.ReadAsync(cancellationToken))
        {
            plans.Add(new OutreachPlan(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return plans;
    }
}
