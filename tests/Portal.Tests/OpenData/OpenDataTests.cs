using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Analysis;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.OpenData;

/// <summary>A portal on 22 November 2026 with feedback from September, October and today.</summary>
public sealed class OpenDataPortal : PortalFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var october = new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);
        var september = new DateTimeOffset(2026, 9, 3, 12, 0, 0, TimeSpan.Zero);

        // October: 12 comments about parking (3 positive, 2 neutral, 7 negative), all rated poor.
        // September: 3 comments about discharge, all positive and very good.
        var items = Enumerable.Range(0, 12).Select(n => Item(october, "Parking", n < 3 ? Sentiment.Positive : n < 5 ? Sentiment.Neutral : Sentiment.Negative, FftRating.Poor))
            .Concat(Enumerable.Range(0, 3).Select(_ => Item(september, "Discharge", Sentiment.Positive, FftRating.VeryGood)))
            // This month is not complete, so not published yet.
            .Append(Item(Clock.GetUtcNow(), "Parking", Sentiment.Negative, FftRating.Poor))
            .ToArray();
        await Services.GetRequiredService<IFeedbackStore>().ImportAsync(items, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private static ImportedFeedback Item(DateTimeOffset at, string theme, Sentiment sentiment, FftRating fft) => new(
        new FeedbackRecord(
            new NewFeedback(FeedbackKind.Patient, "rtd-ae", "Accident and emergency", fft, null, "A comment", null, CollectionMode.Online),
            FeedbackReference.Create(FeedbackReference.FeedbackPrefix, new SecureRandomSource()),
            RandomNumberGenerator.GetBytes(32),
            at,
            null,
            null,
            null),
        new FeedbackAnalysis(sentiment, 0.5, [new ThemePrediction(theme, 0.9)], [], [], null, "A comment", [], false, [], "test", "test-1", at),
        TriageStatus.New);
}

public sealed class OpenDataTests(OpenDataPortal portal) : IClassFixture<OpenDataPortal>
{
    [Fact]
    public async Task Theme_counts_are_published_by_month_with_small_numbers_hidden()
    {
        var csv = await portal.CreateClient().GetStringAsync(new Uri("/open-data/themes.csv", UriKind.Relative));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,strategic_theme,sub_category,positive,neutral,negative,mixed,total", lines[0]);
        Assert.Equal(
            [
                "2026-09,Patient safety,Discharge,[c],0,0,0,[c]",
                "2026-10,Positive experiences,Parking,[c],[c],7,0,12",
            ],
            lines[1..]);
    }

    [Fact]
    public async Task Fft_answers_are_published_as_json_that_parses_with_hidden_counts_as_null()
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/open-data/fft.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2024-11", json.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-10", json.RootElement.GetProperty("to").GetString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("byResponse").GetProperty("very-good").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("total").ValueKind);
        Assert.Equal(12, rows[1].GetProperty("byResponse").GetProperty("poor").GetInt32());
        Assert.Equal(0, rows[1].GetProperty("byResponse").GetProperty("good").GetInt32());
        Assert.Equal(12, rows[1].GetProperty("total").GetInt32());
        Assert.Contains("Counts of 1 to 4 are hidden", json.RootElement.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_data_page_explains_the_method_and_links_the_files()
    {
        var page = await portal.CreateClient().GetPageAsync("/open-data");

        Assert.Equal("Open data: what people told us, in numbers", page.QuerySelector("h1")!.TextContent);
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Contains("/open-data/themes.csv", links);
        Assert.Contains("/open-data/fft.json", links);
    }

    [Fact]
    public async Task The_page_says_the_months_there_is_data_for_and_shows_the_latest_as_a_table()
    {
        var page = await portal.CreateClient().GetPageAsync("/open-data");

        Assert.Contains("The files cover September 2026 to October 2026", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=latest-months] tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => cell.LastChild!.TextContent.Trim()).ToArray())
            .ToArray();
        Assert.Equal(["October 2026", "0", "0", "0", "12", "0", "0", "12"], rows[0]);
        Assert.Equal(["September 2026", "Hidden", "0", "0", "0", "0", "0", "Hidden"], rows[1]);
    }

    [Theory]
    [InlineData("/open-data/themes.xml")]
    [InlineData("/open-data/secret.csv")]
    public async Task Other_files_are_not_found(string path)
    {
        using var response = await portal.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
