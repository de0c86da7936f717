using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>Everything the weekly insights pack shows, read at one moment: the pack and whose voices are missing.</summary>
/// <param name="Pack">The pack.</param>
/// <param name="Voices">Whose voices are missing in the three months ending with the week's.</param>
public sealed record WeeklyPackFigures(WeeklyInsightsPack Pack, VoicesPanel Voices)
{
    /// <summary>How many months, ending with the week's, "whose voices are missing" covers: a week is too few people to say.</summary>
    public const int VoicesMonths = 3;

    /// <summary>Reads the figures for the week starting <paramref name="week"/> (a Monday).</summary>
    public static async Task<WeeklyPackFigures> ReadAsync(WeeklyInsightsReader reader, VoicesReader voices, DateOnly week, CancellationToken cancellationToken)
    {
        var pack = await reader.ReadAsync(week, cancellationToken);
        var lastMonth = YearMonth.Of(pack.LastDay);
        return new WeeklyPackFigures(pack, await voices.ReadAsync(lastMonth.AddMonths(1 - VoicesMonths), lastMonth, null, cancellationToken));
    }

    /// <summary>The title of the pack for a week, as kept reports are listed.</summary>
    public static string TitleOf(DateOnly week) => $"Weekly insights pack, week starting Monday {week.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
}

/// <summary>Everything a service quality report shows, read at one moment: the report and whose voices are missing.</summary>
/// <param name="Report">The report.</param>
/// <param name="Voices">Whose voices are missing at the service in the period.</param>
public sealed record ServiceReportFigures(ServiceQualityReport Report, VoicesPanel Voices)
{
    /// <summary>Reads the figures for a service and months.</summary>
    public static async Task<ServiceReportFigures> ReadAsync(ServiceQualityReader reader, VoicesReader voices, CareService service, YearMonth from, YearMonth to, CancellationToken cancellationToken) =>
        new(await reader.ReadAsync(service.Id, service.FullName, from, to, cancellationToken), await voices.ReadAsync(from, to, service.Id, cancellationToken));

    /// <summary>The title of a service's report for some months, as kept reports are listed.</summary>
    public static string TitleOf(CareService service, YearMonth from, YearMonth to) =>
        $"Service quality report: {service.FullName}, {YearMonth.DisplayPeriod(from, to)}";
}

/// <summary>A report's figures as a kept report holds them (JSON), and back.</summary>
public static class KeptFigures
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The figures as JSON.</summary>
    public static string Write<T>(T figures) => JsonSerializer.Serialize(figures, Json);

    /// <summary>The figures a kept report holds.</summary>
    public static T Read<T>(string figures) => JsonSerializer.Deserialize<T>(figures, Json)
        ?? throw new JsonException("A kept report's figures are empty.");

    /// <summary>A kept report of <paramref name="kind"/> with its figures read, or null when there is none by that id.</summary>
    public static async Task<(KeptReportSummary Copy, T Figures)?> FindFiguresAsync<T>(this IKeptReports kept, string id, KeptReportKind kind, CancellationToken cancellationToken) =>
        await kept.FindAsync(id, cancellationToken) is { } copy && copy.Kind == kind ? (copy.Summary, Read<T>(copy.Figures)) : null;
}

/// <summary>What the notice on a kept copy says.</summary>
/// <param name="Copy">The kept copy shown, or null when the report was read now (no notice).</param>
/// <param name="LiveAddress">Where the report as it is now is.</param>
/// <param name="What">"the pack" or "the report".</param>
public sealed record KeptCopyNotice(KeptReportSummary? Copy, string LiveAddress, string What);
