using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Home;

/// <summary>
/// The back office's home page is a to-do list: urgent items nobody has read yet, open items given to me, updates
/// waiting for a second person's review, and (for guardians only) cases waiting for a guardian's answer; then the
/// parts of the back office the signed-in member of staff may use.
/// </summary>
public sealed class HomeModel(
    ISpeakUpCasework casework,
    IInboxQueries triage,
    IUrgentQueue urgent,
    IUpdateStore updates) : PageModel
{
    /// <summary>How many urgent items the to-do list counts, at most.</summary>
    public const int UrgentCap = 200;

    /// <summary>Whether the signed-in member of staff triages feedback.</summary>
    public bool CanTriage => User.Admits(BackOfficePolicies.Triage);

    /// <summary>Whether they write and approve updates.</summary>
    public bool CanPublish => User.Admits(BackOfficePolicies.Publish);

    /// <summary>Whether they are a Freedom to Speak Up guardian.</summary>
    public bool IsGuardian => User.Admits(BackOfficePolicies.SpeakUp);

    /// <summary>The things waiting for them, with how many of each and where to go.</summary>
    public IReadOnlyList<ToDo> ToDos { get; private set; } = [];

    /// <summary>Counts what is waiting.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = StaffMember.NameOf(User);
        var toDos = new List<ToDo>();
        if (CanTriage)
        {
            var waiting = (await urgent.ListAsync(UrgentCap, cancellationToken)).Count(entry => entry.Acknowledged is null);
            toDos.Add(new ToDo("urgent", waiting, waiting >= UrgentCap ? $"{UrgentCap} or more" : null, "urgent item", "urgent items", "waiting to be read", "/inbox#urgent", waiting > 0));

            var mine = await triage.CountAsync(new InboxFilter { AssignedTo = me }, cancellationToken);
            var open = mine.ByFacet.TryGetValue("status", out var byStatus)
                ? byStatus.Where(pair => pair.Key != WireName<TriageStatus>.Of(TriageStatus.Closed)).Sum(pair => pair.Value)
                : 0;
            toDos.Add(new ToDo("mine", open, mine.Capped ? $"{open:N0} or more" : null, "open item", "open items", "given to you", "/inbox?assignedTo=me", false));
        }

        if (CanPublish)
        {
            var review = (await updates.ListAsync(cancellationToken))
                .Count(update => update.State == PublishingState.ReadyForReview && !string.Equals(update.EditedBy, me, StringComparison.OrdinalIgnoreCase));
            toDos.Add(new ToDo("review", review, null, "update", "updates", "waiting for your review", "/updates", false));
        }

        if (IsGuardian)
        {
            var cases = (await casework.ListAsync(cancellationToken)).Count(found => found.AwaitsGuardian);
            toDos.Add(new ToDo("speak-up", cases, null, "case", "cases", "waiting for a guardian's answer", "/speak-up", false));
        }

        ToDos = toDos;
    }
}

/// <summary>One line of the to-do list.</summary>
/// <param name="Id">Its name in tests and anchors.</param>
/// <param name="Count">How many.</param>
/// <param name="CountText">The count in words when it is capped.</param>
/// <param name="One">What one is called.</param>
/// <param name="Many">What several are called.</param>
/// <param name="Waiting">What they are waiting for.</param>
/// <param name="Href">Where to deal with them.</param>
/// <param name="Pressing">Whether it must be done today.</param>
public sealed record ToDo(string Id, int Count, string? CountText, string One, string Many, string Waiting, string Href, bool Pressing)
{
    /// <summary>"3 urgent items waiting to be read".</summary>
    public string Text => $"{CountText ?? Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(Count == 1 ? One : Many)} {Waiting}";
}
