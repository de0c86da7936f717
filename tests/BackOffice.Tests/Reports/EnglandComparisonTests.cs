using QualityVoice.Feedback;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>NENC's pack with NHS England's A&amp;E result quoted for one service.</summary>
public sealed class PackWithEngland : BackOfficeFactory
{
    private readonly TemporaryDirectory _content = Copy();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Content:Root"] = _content.Path, ["Content:Pack"] = "nenc" };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _content.Dispose();
        }
    }

    private static TemporaryDirectory Copy()
    {
        var content = new TemporaryDirectory();
        var shipped = Path.Combine(AppContext.BaseDirectory, "content", "nenc");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(content.Path, "nenc", Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var services = Path.Combine(content.Path, "nenc", "services.yml");
        File.WriteAllText(services, File.ReadAllText(services).Replace(
            "      - id: rtd-ae\n        name: \"Accident and emergency\"\n",
            "      - id: rtd-ae\n        name: \"Accident and emergency\"\n        england:\n          setting: \"A&E\"\n          month: 2026-09\n          positive: 80.5\n",
            StringComparison.Ordinal));
        return content;
    }
}

public sealed class EnglandComparisonTests(PackWithEngland backOffice) : IClassFixture<PackWithEngland>
{
    [Fact]
    public async Task The_service_report_sets_englands_published_result_beside_the_services()
    {
        var month = YearMonth.Of(TimeProvider.System.GetUtcNow()).AddMonths(-1);
        await backOffice.ImportAsync(new Sample("Seen quickly") { Fft = FftRating.VeryGood, At = new DateTimeOffset(month.FirstDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) });
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync($"/reports/service?service=rtd-ae&from={month}&to={month}");
        var other = await browser.GetPageAsync($"/reports/service?service=rtd-wards&from={month}&to={month}");

        Assert.Equal($"England (A&E, September 2026): 80.5% said good or very good, as NHS England published it. This service: 100.0% over {month.ToDisplayString()}.", page.QuerySelector("[data-testid=fft-england]")!.TextContent);
        Assert.Null(other.QuerySelector("[data-testid=fft-england]"));
    }
}
