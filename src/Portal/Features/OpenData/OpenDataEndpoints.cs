using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Analysis;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Insight;
using QualityVoice.Portal.Caching;
using QualityVoice.Web.Downloads;

namespace QualityVoice.Portal.Features.OpenData;

/// <summary>
/// <c>/open-data/themes.csv|json</c> and <c>/open-data/fft.csv|json</c>: the last 24 complete months of theme
/// mentions and FFT answers across the ICB, with small numbers hidden (see <see cref="SmallNumbers"/>).
/// </summary>
internal static class OpenDataEndpoints
{
    /// <summary>How hidden counts are written in the CSV files (the Office for National Statistics' mark).</summary>
    public const string Hidden = "[c]";

    /// <summary>How many complete months are published.</summary>
    public const int Months = 24;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var openData = app.MapGroup("/open-data")
            .CacheOutput(policy => policy.PublicPage().Expire(TimeSpan.FromSeconds(PublicPageCache.CountsSeconds)).Tag(PublicPageCache.Months));
        openData.MapGet("/themes.{format:regex(^(csv|json)$)}", ThemesAsync);
        openData.MapGet("/fft.{format:regex(^(csv|json)$)}", FftAsync);
        return app;
    }

    /// <summary>The months published on a given day: the 24 before the current one.</summary>
    public static (YearMonth From, YearMonth To) Period(DateTimeOffset now)
    {
        var thisMonth = YearMonth.Of(now);
        return (thisMonth.AddMonths(-Months), thisMonth.AddMonths(-1));
    }

    private static async Task<IResult> ThemesAsync(
        string format, HttpContext context, [FromServices] IInsightQueries insight, [FromServices] ContentPack pack, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var (from, to) = Period(time.GetUtcNow());
        var rows = OpenDataTables.Themes(await insight.ThemesAsync(from, to, null, cancellationToken), pack.Taxonomy);
        var sentiments = OpenDataTables.Sentiments.Select(sentiment => WireName<Sentiment>.Of(sentiment)).ToArray();
        if (format == "json")
        {
            return Document(pack, from, to, rows.Select(row => new
            {
                month = row.Month.ToString(),
                strategicTheme = row.StrategicTheme,
                strategicThemeTitle = pack.FindTheme(row.StrategicTheme)?.Title,
                subCategory = row.SubCategory,
                bySentiment = sentiments.Zip(row.BySentiment).ToDictionary(pair => pair.First, pair => pair.Second),
                total = row.Total,
            }));
        }

        string[] headers = ["month", "strategic_theme", "sub_category", .. sentiments, "total"];
        return await CsvAsync(context, "themes", headers, rows.Select(row => (IReadOnlyList<string?>)
            [row.Month.ToString(), pack.FindTheme(row.StrategicTheme)?.Title ?? row.StrategicTheme, row.SubCategory, .. row.BySentiment.Select(Cell), Cell(row.Total)]), cancellationToken);
    }

    private static async Task<IResult> FftAsync(
        string format, HttpContext context, [FromServices] IInsightQueries insight, [FromServices] ContentPack pack, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var (from, to) = Period(time.GetUtcNow());
        var rows = OpenDataTables.Fft(await insight.MonthlyAsync(from, to, null, cancellationToken));
        var responses = WireName<FftRating>.All.Select(pair => pair.Name).ToArray();
        if (format == "json")
        {
            return Document(pack, from, to, rows.Select(row => new
            {
                month = row.Month.ToString(),
                byResponse = responses.Zip(row.ByResponse).ToDictionary(pair => pair.First, pair => pair.Second),
                total = row.Total,
            }));
        }

        string[] headers = ["month", .. responses, "total"];
        return await CsvAsync(context, "fft", headers, rows.Select(row => (IReadOnlyList<string?>)[row.Month.ToString(), .. row.ByResponse.Select(Cell), Cell(row.Total)]), cancellationToken);
    }

    /// <summary>The method, in words, as the page and the JSON files give it.</summary>
    public const string Method =
        "Counts of 1 to 4 are hidden, because they could point to a person. Where a total would let someone work out a hidden count, "
        + "the next smallest counts in the same row are hidden too, until the hidden counts add up to at least 5. Hidden counts are null in JSON and [c] in CSV. "
        + "A comment can mention more than one theme, so theme counts add up to more than the number of comments.";

    private static IResult Document<T>(ContentPack pack, YearMonth from, YearMonth to, IEnumerable<T> rows) =>
        Results.Json(new { icb = pack.IcbName, from = from.ToString(), to = to.ToString(), method = Method, rows }, Json);

    private static string Cell(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Hidden;

    private static async Task<IResult> CsvAsync(HttpContext context, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        await CsvTable.WriteAsync(context.Response.Body, headers, rows.ToAsyncEnumerable(), cancellationToken);
        return Results.Empty;
    }
}
