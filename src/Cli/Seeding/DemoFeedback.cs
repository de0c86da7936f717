using System.Security.Cryptography;
using QualityVoice.Analysis;
using QualityVoice.Cli.Commands;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Storage;

namespace QualityVoice.Cli.Seeding;

/// <summary>
/// A demonstration store from real comments (<see cref="LabelledComments"/>): spread over the pack's services and the
/// last year, older items mostly triaged and closed by the demonstration quality team, and one planted rise — a
/// theme turning negative at one service over the last three weeks, after half a year of mostly praise — that the
/// dashboard's early warnings find. The same seed gives the same store.
/// </summary>
internal sealed class DemoFeedback(ContentPack pack, int seed)
{
    /// <summary>The demonstration quality team, who own the items they triaged.</summary>
    public static readonly string[] QualityTeam = [DemoAccountsCommand.Accounts[0].Email, DemoAccountsCommand.Accounts[1].Email];

    private const int PlantedRecent = 10;
    private const int PlantedBaseline = 36;

    private readonly Random _random = new(seed);

    /// <summary>The service and theme whose rise is planted, once <see cref="Build"/> has run.</summary>
    public (string ServiceId, string Theme)? Planted { get; private set; }

    /// <summary>Every item, analysed as labelled, with a status and owner that fit its age.</summary>
    public IReadOnlyList<ImportedFeedback> Build(IReadOnlyList<LabelledComments.Comment> comments, DateTimeOffset now)
    {
        var services = pack.Organisations.SelectMany(organisation => organisation.Services).ToArray();
        var shuffled = comments.OrderBy(_ => _random.Next()).ToList();
        var items = new List<ImportedFeedback>(shuffled.Count);

        // The planted rise: a theme with both praise and complaints, at the busiest service.
        var theme = shuffled.SelectMany(comment => comment.Themes).Distinct(StringComparer.Ordinal)
            .Where(candidate => pack.Taxonomy.Find(candidate) is not null)
            .Select(candidate => (Theme: candidate, Positive: shuffled.Count(comment => comment.Sentiment == Sentiment.Positive && comment.Themes.Contains(candidate)), Negative: shuffled.Count(comment => comment.Sentiment == Sentiment.Negative && comment.Themes.Contains(candidate))))
            .Where(candidate => candidate.Positive >= PlantedBaseline && candidate.Negative >= PlantedRecent)
            .OrderByDescending(candidate => Math.Min(candidate.Positive, candidate.Negative * 3))
            .Select(candidate => candidate.Theme)
            .FirstOrDefault();
        if (theme is not null)
        {
            var service = services[0];
            Planted = (service.Id, theme);
            var complaints = Take(shuffled, comment => comment.Sentiment == Sentiment.Negative && comment.Themes.Contains(theme), PlantedRecent);
            var praise = Take(shuffled, comment => comment.Sentiment == Sentiment.Positive && comment.Themes.Contains(theme), PlantedBaseline);
            items.AddRange(complaints.Select((comment, i) => Item(comment, service, now.AddDays(-1 - (i * 2)).AddHours(-_random.Next(8)), now)));
            items.AddRange(praise.Select((comment, i) => Item(comment, service, now.AddDays(-35 - (i * 4)).AddHours(-_random.Next(8)), now)));
        }

        var step = TimeSpan.FromTicks(TimeSpan.FromDays(365).Ticks / Math.Max(shuffled.Count, 1));
        for (var i = 0; i < shuffled.Count; i++)
        {
            // Busier services take more feedback, as they do.
            var service = services[(int)Math.Floor(Math.Pow(_random.NextDouble(), 1.6) * services.Length)];
            var at = now.AddDays(-365) + (step * i) + TimeSpan.FromTicks((long)(_random.NextDouble() * step.Ticks));
            items.Add(Item(shuffled[i], service, at > now ? now : at, now));
        }

        return items;
    }

    private static List<LabelledComments.Comment> Take(List<LabelledComments.Comment> from, Func<LabelledComments.Comment, bool> which, int count)
    {
        var taken = from.Where(which).Take(count).ToList();
        from.RemoveAll(taken.Contains);
        return taken;
    }

    private ImportedFeedback Item(LabelledComments.Comment comment, CareService service, DateTimeOffset at, DateTimeOffset now)
    {
        var kind = _random.NextDouble() < 0.2 ? FeedbackKind.Carer : FeedbackKind.Patient;
        var feedback = LabelledComments.ToFeedback(comment, service, _random.NextDouble() < 0.8 ? YearMonth.Of(at) : null, kind);
        var record = new FeedbackRecord(
            feedback, FeedbackReference.Create(FeedbackReference.FeedbackPrefix, new SecureRandomSource()), RandomNumberGenerator.GetBytes(32), at, null, null, null);
        var status = SeededStatus.For(now - at, _random.NextDouble());
        var owner = status == TriageStatus.New ? null : QualityTeam[_random.Next(QualityTeam.Length)];
        return new ImportedFeedback(record, LabelledComments.Analyse(comment, feedback, pack.Taxonomy, at), status, owner);
    }
}
