using QualityVoice.Cli.Commands;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.Publishing;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback.Triage;

namespace QualityVoice.Cli.Seeding;

/// <summary>
/// What the demonstration team has done with the feedback, so that a first look shows the whole loop: a published
/// "you said, we did" update answering the planted complaints, another waiting for review, the quality team's work on
/// older items (assigned, noted, answered, urgent items read and acted on), and three fictional Freedom to Speak Up cases (open, confidential, anonymous) with the guardian's conversations and notes. The
/// concerns are written for the demonstration; no real person raised them.
/// </summary>
internal sealed class DemoHistory(
    IUpdateStore updates, ITriageStore triage, SpeakUpIntake speakUp, ISpeakUpStore cases, ISpeakUpCasework casework, ContentPack pack, IUrgentQueue urgent)
{
    private static readonly string Engagement = DemoAccountsCommand.Accounts[2].Email;
    private static readonly string Reviewer = DemoAccountsCommand.Accounts[1].Email;
    private const string Guardian = "guardian@demo.qualityvoice.local";

    /// <summary>Writes the history; returns what it did, in a line.</summary>
    public async Task<string> WriteAsync((string ServiceId, string Theme)? planted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = 0;
        if (planted is { } rise && pack.Taxonomy.Find(rise.Theme) is { } mapping && pack.FindService(rise.ServiceId) is { } service)
        {
            var complaints = await triage.SearchAsync(
                new InboxFilter { ServiceId = rise.ServiceId, Theme = rise.Theme, Sentiment = Analysis.Sentiment.Negative }, InboxOrder.Newest, null, 20, cancellationToken);
            var slug = await updates.CreateAsync(
                "what-we-are-doing-about-waiting",
                _ => false,
                new UpdateContent(
                    $"What we are doing about {rise.Theme.ToLowerInvariant()} in {service.Name.ToLowerInvariant()}",
                    mapping.StrategicTheme,
                    service.Id,
                    "in-progress",
                    $"You told us about {rise.Theme.ToLowerInvariant()} in {service.Name.ToLowerInvariant()} at {service.OrganisationName}, and that it had got worse in the last few weeks.",
                    "We have asked the service to look at **why it changed** and to tell people in the waiting area how long they can expect to wait.\n\nWe will publish what they find.",
                    [new UpdateMilestone("The service reviews the last month", "in-progress", null), new UpdateMilestone("Waiting times shown in the waiting area", "planned", null)],
                    [],
                    []),
                Engagement,
                now,
                cancellationToken);
            await updates.LinkFeedbackAsync(slug, complaints.Rows.Select(row => row.Reference).ToArray(), Engagement, now, cancellationToken);
            await updates.SubmitForReviewAsync(slug, 1, Engagement, now, cancellationToken);
            if (await updates.ApproveAsync(slug, 1, now, Reviewer, now, cancellationToken) == UpdateChangeOutcome.Done)
            {
                published++;
            }
        }

        var waiting = await updates.CreateAsync(
            "clearer-letters",
            _ => false,
            new UpdateContent(
                "Clearer appointment letters",
                pack.Themes[0].Slug,
                null,
                "planned",
                "You told us appointment letters were hard to understand and sometimes went to an old address.",
                "We are rewriting our letters with patients, and checking addresses when people book.",
                [],
                [],
                []),
            Engagement,
            now,
            cancellationToken);
        await updates.SubmitForReviewAsync(waiting, 1, Engagement, now, cancellationToken);

        var worked = await WorkTheInboxAsync(now, cancellationToken);
        var acknowledged = await AcknowledgeUrgentAsync(now, cancellationToken);

        var raised = 0;
        var today = UkTime.DayOf(now);
        foreach (var (concern, conversation) in Concerns)
        {
            if (await speakUp.RaiseAsync(concern, null, cancellationToken) is not IntakeResult.Accepted accepted)
            {
                continue;
            }

            raised++;
            for (var i = 0; i < conversation.Length; i++)
            {
                await cases.AddMessageAsync(accepted.Reference, new SpeakUpMessage(i % 2 == 0, conversation[i], today.AddDays(i - conversation.Length)), cancellationToken);
            }

            if (conversation.Length > 0)
            {
                await casework.AddNoteAsync(accepted.Reference, new SpeakUpNote(Guardian, "Agreed with the person to raise this with the ward manager's manager, not the ward manager.", today), cancellationToken);
            }
        }

        return $"{published} update published and 1 waiting for review; {worked} items worked by the quality team, {acknowledged} urgent items acknowledged; {raised} fictional speak-up cases";
    }

    /// <summary>
    /// The quality team's recorded work on the newest items in progress and answered: each was given to its owner, has a
    /// note of what they did, and the answered ones the reply the person reads on /track.
    /// </summary>
    private async Task<int> WorkTheInboxAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var worked = 0;
        foreach (var status in new[] { TriageStatus.InProgress, TriageStatus.Responded })
        {
            var page = await triage.SearchAsync(new InboxFilter { Status = status }, InboxOrder.Newest, null, 12, cancellationToken);
            foreach (var (row, index) in page.Rows.Select((row, index) => (row, index)))
            {
                var owner = row.AssignedTo ?? DemoFeedback.QualityTeam[index % DemoFeedback.QualityTeam.Length];
                DateTimeOffset After(TimeSpan wait) => row.SubmittedAt + wait < now ? row.SubmittedAt + wait : now;

                await triage.AssignAsync([row.Reference], owner, owner, After(TimeSpan.FromHours(20)), cancellationToken);
                await triage.AddNoteAsync(row.Reference, Notes[index % Notes.Length], owner, After(TimeSpan.FromDays(1)), cancellationToken);
                if (status == TriageStatus.Responded)
                {
                    var reply = $"Thank you for telling us about your care at {row.ServiceName}. We have shared what you said with the team, and they are discussing it at their next meeting.";
                    await triage.PublishReplyAsync(row.Reference, reply, owner, After(TimeSpan.FromDays(3)), cancellationToken);
                }

                worked++;
            }
        }

        return worked;
    }

    /// <summary>Every urgent item older than its 24 hours, open or closed, was read and its first action recorded within them.</summary>
    private async Task<int> AcknowledgeUrgentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var acknowledged = 0;
        var flagged = new List<InboxRow>();
        await foreach (var row in triage.EveryRowAsync(new InboxFilter { Urgent = true }, cancellationToken))
        {
            if (UrgentResponse.DueBy(row.SubmittedAt) <= now)
            {
                flagged.Add(row);
            }
        }

        foreach (var (row, index) in flagged.Select((row, index) => (row, index)))
        {
            var by = row.AssignedTo ?? DemoFeedback.QualityTeam[index % DemoFeedback.QualityTeam.Length];
            var firstAction = UrgentResponse.FirstActions[index % UrgentResponse.FirstActions.Count];
            if (await urgent.AcknowledgeAsync(row.Reference, new UrgentAcknowledgement(by, row.SubmittedAt.AddHours(2 + (index % 18)), firstAction), cancellationToken))
            {
                acknowledged++;
            }
        }

        return acknowledged;
    }

    private static readonly string[] Notes =
    [
        "Shared with the service manager, who will talk to the team about it this week.",
        "Checked against complaints (PALS): nothing open for this person. Asked the ward for their view.",
        "Raised at the divisional quality meeting. Matron is looking at how often this happens.",
        "Service manager agrees: this is a known problem and it is on their improvement plan.",
    ];

    private static readonly (NewSpeakUpCase Concern, string[] Conversation)[] Concerns =
    [
        (new NewSpeakUpCase(
            SpeakUpMode.Confidential,
            [SpeakUpCategory.PatientSafetyOrQuality],
            DetrimentAnswer.No,
            "nursing-and-midwifery",
            null,
            "On night shifts we are often two registered nurses short. Observations are being done late and I am worried someone will deteriorate without us noticing.",
            "A. Fictional",
            "07700 900001"),
         ["Thank you for speaking up. Which nights has this happened on, and has it been reported as an incident?", "Most weekends for the last month. We have reported some of them.", "Thank you. I have raised it with the director of nursing, without your name. I will tell you what they decide."]),
        (new NewSpeakUpCase(
            SpeakUpMode.Anonymous,
            [SpeakUpCategory.BullyingOrHarassment],
            DetrimentAnswer.Yes,
            ProfessionalGroups.PreferNotToSay,
            null,
            "A senior colleague shouts at junior staff in front of patients. Since I raised it informally I have been given the worst shifts."),
         ["Thank you for telling me. I am sorry this has happened. Would you be willing to meet, or to tell me which team, so that I can act on it?"]),
        (new NewSpeakUpCase(
            SpeakUpMode.Open,
            [SpeakUpCategory.WorkerSafetyOrWellbeing],
            DetrimentAnswer.No,
            "allied-health-professionals",
            null,
            "The lone working policy is not followed for community visits in the evening: nobody checks that we got home.",
            "B. Fictional",
            "b.fictional@example.nhs.uk"),
         []),
    ];
}
