using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;
using QualityVoice.Staff.Accounts;
using QualityVoice.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace QualityVoice.BackOffice.Tests.Reports;

/// <summary>
/// Somerset's back office, where 60 people answered the age question this month, only 2 of them under 25 (a quarter
/// of Somerset is) and none 75 or over (an eighth is): both are heard significantly less than their share.
/// </summary>
public sealed class SomersetVoices : BackOfficeFactory, IAsyncLifetime
{
    public YearMonth ThisMonth { get; } = YearMonth.Of(TimeProvider.System.GetUtcNow());

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Content:Pack"] = "somerset" };

    public async Task InitializeAsync()
    {
        var store = Services.GetRequiredService<IFeedbackStore>();
        var at = new DateTimeOffset(ThisMonth.FirstDay.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero);
        for (var i = 0; i < 70; i++)
        {
            // 2 under 25, 40 aged 25 to 64, 18 aged 65 to 74; 5 prefer not to say; 5 gave no equality answers. Of the
            // 65 who answered, 12 have a long-term condition or disability (18%: Somerset has 19%).
            var age = i switch { < 2 => "16-24", < 42 => "45-54", < 60 => "65-74", < 65 => "prefer-not-to-say", _ => null };
            var answers = age is null ? null : new EqualityMonitoring(age, null, null, null, i < 12 ? "yes" : "no", null, null);
            var feedback = new NewFeedback(FeedbackKind.Patient, "rh5-wards", "Wards", FftRating.Good, "Fine", null, null, CollectionMode.Online, null, answers);
            var record = new FeedbackRecord(feedback, FeedbackReference.Create(FeedbackReference.FeedbackPrefix, new SecureRandomSource()), new byte[32], at.AddMinutes(i), null, null, null);
            await store.AddAsync(record, CancellationToken.None);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class VoicesPanelTests(SomersetVoices backOffice) : IClassFixture<SomersetVoices>
{
    [Theory]
    [InlineData("/dashboard?from={month}&to={month}")]
    [InlineData("/reports/service?service=rh5-wards&from={month}&to={month}")]
    public async Task A_group_heard_less_than_its_share_is_named_and_the_unanswered_are_counted(string path)
    {
        var browser = await backOffice.SignInAsync(StaffRoles.QualityTeam);

        var page = await browser.GetPageAsync(path.Replace("{month}", backOffice.ThisMonth.ToString(), StringComparison.Ordinal));

        Assert.Equal("Heard significantly less than their share of the population: aged under 25, aged 75 or over.", page.QuerySelector("[data-testid=voices-summary]")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=voices] tbody tr").ToDictionary(row => row.Children[0].TextContent, row => row.Children.Select(cell => cell.TextContent).ToArray());
        Assert.Equal(["Aged under 25", "1 to 4 of 60", "–", "25.0%", "Heard less than its share"], rows["Aged under 25"]);
        Assert.Equal("18 of 60", rows["Aged 65 to 74"][1]);
        Assert.Equal("30.0% (19.9% to 42.5%)", rows["Aged 65 to 74"][2]);
        Assert.Equal("In line with its share", rows["With a long-term health problem or disability"][^1]);
        var unanswered = page.QuerySelectorAll("[data-testid=voices-unanswered] li").Select(item => item.TextContent).ToArray();
        Assert.Contains("Age: 60 answered, 5 chose \"prefer not to say\", and 5 of the 70 pieces of feedback had no answer.", unanswered);
    }

    [Fact]
    public async Task The_engagement_team_records_outreach_for_a_group_and_sees_its_share_before_and_since()
    {
        var engagement = await backOffice.SignInAsync(StaffRoles.EngagementTeam);
        var form = await engagement.GetPageAsync("/reports/outreach");

        using (var missing = await engagement.SubmitAsync(form, [new("Group", "Aged under 25"), new("What", " "), new("Starts", backOffice.ThisMonth.ToString())], "main form"))
        {
            await missing.ShouldBeAsync(System.Net.HttpStatusCode.BadRequest);
            Assert.Contains("Say what the outreach will do", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var recorded = await engagement.SubmitAsync(form, [new("Group", "Aged under 25"), new("What", "Feedback form on tablets at the college"), new("Starts", backOffice.ThisMonth.ToString())], "main form"))
        {
            await recorded.ShouldBeAsync(System.Net.HttpStatusCode.Redirect);
        }

        var page = await engagement.GetPageAsync("/reports/outreach");
        var row = page.QuerySelectorAll("[data-testid=outreach] tbody tr").Single(row => row.TextContent.Contains("tablets at the college", StringComparison.Ordinal));
        Assert.Equal("Aged under 25", row.Children[0].TextContent);
        Assert.Equal("nobody answered", row.Children[3].TextContent);
        Assert.Equal("1 to 4 of 60", row.Children[4].TextContent);

        var admin = await backOffice.SignInAsync(StaffRoles.Administrator);
        var theirs = await admin.GetPageAsync("/reports/outreach");
        Assert.Null(theirs.QuerySelector("main form"));
    }
}
