using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityVoice.Cli.Commands;
using QualityVoice.Cli.Seeding;
using QualityVoice.Content;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Storage;
using QualityVoice.Feedback.Triage;
using QualityVoice.Feedback;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

/// <summary>The demonstration's history: the whole loop is there to look at, from the first screen.</summary>
public sealed class DemoHistoryTests : IAsyncLifetime
{
    private static readonly ContentPack Pack = ContentPackLoader.Load(Path.Combine(Repository.Root, "content"), "nenc");
    private readonly TemporaryDirectory _folder = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["QualityVoice:DataDirectory"] = _folder.Path;
        builder.AddFeedbackStore();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_demonstration_has_an_update_answering_the_planted_complaints_one_waiting_for_review_and_speak_up_conversations()
    {
        var file = _folder.File("labelled.csv");
        await SeedCommandTests.WriteLabelledAsync(file);
        await File.AppendAllLinesAsync(file, ["u1,T,u1,2022-01-01,A,B,5,FFT Why?,\"After I was sent home I wanted to end my life and nobody called\",,5,0,1"]);
        var services = _host.Services;
        var history = ActivatorUtilities.CreateInstance<DemoHistory>(services, Pack);
        using var output = new StringWriter();

        await SeedCommand.RunAsync(
            CommandLine.Parse(["--comments", file], new HashSet<string>()), services.GetRequiredService<IFeedbackStore>(), Pack, TimeProvider.System, output, CancellationToken.None, history);

        Assert.Contains("1 update published and 1 waiting for review;", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 fictional speak-up cases", output.ToString(), StringComparison.Ordinal);
        var updates = await services.GetRequiredService<IUpdateStore>().ListAsync(CancellationToken.None);
        var live = Assert.Single(updates, update => update.IsLive);
        Assert.True(live.LinkedFeedback >= 5, "the published update answers the planted complaints");
        Assert.Single(updates, update => update.State == PublishingState.ReadyForReview);
        var cases = await services.GetRequiredService<ISpeakUpCasework>().ListAsync(CancellationToken.None);
        Assert.Equal(3, cases.Count);
        Assert.Contains(cases, found => found.Messages.Count == 3 && found.Notes.Count == 1);
        Assert.Contains(cases, found => found.Mode == SpeakUpMode.Anonymous && found.ProtectedIdentity is null);

        // The quality team's work is in the items' histories, by the people who own them, and answered items have their reply.
        var triage = services.GetRequiredService<ITriageStore>();
        var answered = await triage.SearchAsync(new InboxFilter { Status = TriageStatus.Responded }, InboxOrder.Newest, null, 1, CancellationToken.None);
        var item = (await triage.GetAsync(answered.Rows[0].Reference, CancellationToken.None))!;
        Assert.Contains(item.History, entry => entry.Kind == "assigned" && DemoFeedback.QualityTeam.Contains(entry.Actor));
        Assert.Contains(item.History, entry => entry.Kind == "note");
        Assert.Contains(item.History, entry => entry.Kind == "reply");
        Assert.All(item.History, entry => Assert.True(entry.At >= item.Item.SubmittedAt));

        // Every urgent item past its 24 hours was read and acted on within them: none is overdue in the demonstration.
        var urgent = await triage.SearchAsync(new InboxFilter { Urgent = true }, InboxOrder.Newest, null, 100, CancellationToken.None);
        Assert.NotEmpty(urgent.Rows);
        foreach (var row in urgent.Rows.Where(row => UrgentResponse.DueBy(row.SubmittedAt) <= TimeProvider.System.GetUtcNow()))
        {
            var acknowledged = (await triage.GetAsync(row.Reference, CancellationToken.None))!.Acknowledged;
            Assert.NotNull(acknowledged);
            Assert.InRange(acknowledged.At, row.SubmittedAt, UrgentResponse.DueBy(row.SubmittedAt));
        }
    }
}
