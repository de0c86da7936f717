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
/// "you said, we did" update answering the planted complaints, another waiting for review, and three fictional
/// Freedom to Speak Up cases (open, confidential, anonymous) with the guardian's conversations and notes. The
/// concerns are written for the demonstration; no real person raised them.
/// </summary>
internal sealed class DemoHistory(IUpdateStore updates, ITriageStore triage, SpeakUpIntake speakUp, ISpeakUpStore cases, ISpeakUpCasework casework, ContentPack pack)
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

        return $"{published} update published and 1 waiting for review; {raised} fictional speak-up cases";
    }

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
