using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Content;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback.SpeakUp;
using QualityVoice.Feedback;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Web.Forms;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.SpeakUp;

/// <summary>
/// Freedom to Speak Up for staff: open, confidential or anonymous, one question a page. Nothing is stored until
/// "Send", no cookie beyond the antiforgery token is set, and an anonymous case keeps nothing that identifies
/// anyone: no name, no address, no device, no time of day.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
[IgnoreAntiforgeryToken]
public sealed class SpeakUpJourneyModel(
    SpeakUpIntake intake,
    FormDraftProtector<SpeakUpDraft> drafts,
    ContentPack pack,
    IBotCheck botCheck,
    ClientKeys clientKeys,
    TimeProvider time,
    IAntiforgery antiforgery,
    ILogger<SpeakUpJourneyModel> logger) : CheckedSendJourneyPageModel<SpeakUpDraft, SpeakUpStep>(drafts, antiforgery, botCheck, clientKeys, logger)
{
    /// <summary>The value for an organisation the person would rather not name.</summary>
    public const string PreferNotToSay = "prefer-not-to-say";

    /// <summary>The three ways to speak up.</summary>
    public static IReadOnlyList<ChoiceItem> Modes { get; } =
    [
        new("open", "Openly", "Your name is shared with the people who need it to look into your concern."),
        new("confidential", "Confidentially", "Only the Freedom to Speak Up guardian knows who you are. They will not share your name without your agreement, unless the law requires it."),
        new("anonymous", "Anonymously", "Nobody, including the guardian, knows who you are. We keep nothing that could identify you. The guardian can only reply here, to your reference and passphrase."),
    ];

    /// <summary>What a concern can be about, as the National Guardian's Office records it.</summary>
    public static IReadOnlyList<ChoiceItem> Categories { get; } =
    [
        new("patient-safety-or-quality", "Patient safety or the quality of care"),
        new("worker-safety-or-wellbeing", "The safety or wellbeing of staff"),
        new("bullying-or-harassment", "Bullying or harassment"),
        new("inappropriate-attitudes-or-behaviours", "Inappropriate attitudes or behaviours"),
        new("other", "Something else"),
    ];

    /// <summary>Whether they have been treated badly for speaking up.</summary>
    public static IReadOnlyList<ChoiceItem> DetrimentAnswers { get; } =
    [
        new("yes", "Yes"),
        new("no", "No"),
        new("not-sure", "Not sure, or I would rather not say"),
    ];

    /// <summary>The professional groups.</summary>
    public static IReadOnlyList<ChoiceItem> Groups { get; } =
        ProfessionalGroups.All.Select(group => new ChoiceItem(group.Value, group.Text)).ToArray();

    /// <summary>The fields of the page the person was on.</summary>
    [BindProperty]
    public SpeakUpAnswers Input { get; set; } = new();

    /// <summary>The organisations to choose from.</summary>
    public IReadOnlyList<ChoiceItem> Organisations =>
        pack.Organisations.Select(organisation => new ChoiceItem(organisation.Id, organisation.Name)).ToArray();

    /// <summary>The options after the organisations.</summary>
    public static IReadOnlyList<ChoiceItem> OrganisationsAfter { get; } =
        [new(NewFeedback.OtherService, "Not in the list"), new(PreferNotToSay, "Prefer not to say")];

    /// <inheritdoc />
    protected override SpeakUpStep FirstStep => SpeakUpStep.How;

    /// <inheritdoc />
    protected override SpeakUpStep CheckStep => SpeakUpStep.Check;

    /// <inheritdoc />
    protected override SpeakUpDraft Start() => new() { SubmissionKey = Guid.NewGuid().ToString("N"), StartedAt = time.GetUtcNow() };

    /// <inheritdoc />
    protected override string Form => "speak-up";

    /// <inheritdoc />
    protected override string SendButton => "Send";

    /// <inheritdoc />
    protected override DateTimeOffset StartedAt(SpeakUpDraft draft) => draft.StartedAt;

    /// <inheritdoc />
    protected override SpeakUpDraft WithNewSubmissionKey(SpeakUpDraft draft) => draft with { SubmissionKey = Guid.NewGuid().ToString("N") };

    /// <inheritdoc />
    protected override Task<IntakeResult> SubmitAsync(SpeakUpDraft draft, CancellationToken cancellationToken)
    {
        var raised = new NewSpeakUpCase(
            WireName<SpeakUpMode>.Parse(draft.Mode!),
            draft.Categories.Select(WireName<SpeakUpCategory>.Parse).ToArray(),
            WireName<DetrimentAnswer>.Parse(draft.Detriment!),
            draft.ProfessionalGroup!,
            draft.OrganisationName,
            draft.Concern!,
            draft.IsAnonymous ? null : draft.Name,
            draft.IsAnonymous ? null : draft.ContactDetails);
        return intake.RaiseAsync(raised, new IdempotencyKey("speak-up-form", draft.SubmissionKey), cancellationToken);
    }

    /// <inheritdoc />
    protected override SpeakUpDraft Apply(SpeakUpStep step, SpeakUpDraft draft)
    {
        switch (step)
        {
            case SpeakUpStep.How:
                if (Modes.All(mode => mode.Value != Input.Mode))
                {
                    ModelState.AddModelError("Input.Mode", "Select how you want to speak up");
                    return draft;
                }

                // Choosing anonymous forgets any name and contact details given earlier.
                return Input.Mode == "anonymous"
                    ? draft with { Mode = Input.Mode, Name = null, ContactDetails = null }
                    : draft with { Mode = Input.Mode };

            case SpeakUpStep.AboutYou:
                var name = FeedbackText.Check(Input.Name, 200, "Your name");
                var contact = FeedbackText.Check(Input.ContactDetails, 200, "How to contact you");
                if (!name.IsValid || name.Value is null)
                {
                    ModelState.AddModelError("Input.Name", name.Error ?? "Enter your name");
                }

                if (!contact.IsValid || contact.Value is null)
                {
                    ModelState.AddModelError("Input.ContactDetails", contact.Error ?? "Enter an email address or phone number the guardian can use");
                }

                return draft with { Name = name.Value, ContactDetails = contact.Value };

            case SpeakUpStep.Where:
                return ApplyWhere(draft);

            case SpeakUpStep.Categories:
                var chosen = Input.Categories.Where(value => Categories.Any(category => category.Value == value)).Distinct().ToArray();
                if (chosen.Length == 0)
                {
                    ModelState.AddModelError("Input.Categories", "Select what your concern is about");
                    return draft;
                }

                return draft with { Categories = chosen };

            case SpeakUpStep.Detriment:
                if (DetrimentAnswers.All(answer => answer.Value != Input.Detriment))
                {
                    ModelState.AddModelError("Input.Detriment", "Select yes, no, or not sure");
                    return draft;
                }

                return draft with { Detriment = Input.Detriment };

            case SpeakUpStep.Concern:
                var concern = FeedbackText.Check(Input.Concern, SpeakUpIntake.ConcernLimit, "Your concern");
                if (!concern.IsValid || concern.Value is null)
                {
                    ModelState.AddModelError("Input.Concern", concern.Error ?? "Tell us about your concern");
                    return draft;
                }

                return draft with { Concern = concern.Value };

            default:
                return draft;
        }
    }

    private SpeakUpDraft ApplyWhere(SpeakUpDraft draft)
    {
        string? organisation = null;
        if (Input.Organisation == NewFeedback.OtherService)
        {
            var other = FeedbackText.Check(Input.OtherOrganisation, 200, "The organisation's name");
            if (!other.IsValid || other.Value is null)
            {
                ModelState.AddModelError("Input.OtherOrganisation", other.Error ?? "Enter the name of the organisation");
            }

            organisation = other.Value;
        }
        else if (Input.Organisation != PreferNotToSay)
        {
            organisation = pack.Organisations.FirstOrDefault(candidate => candidate.Id == Input.Organisation)?.Name;
            if (organisation is null)
            {
                ModelState.AddModelError("Input.Organisation", "Select the organisation, 'Not in the list', or 'Prefer not to say'");
            }
        }

        if (!ProfessionalGroups.IsGroup(Input.ProfessionalGroup))
        {
            ModelState.AddModelError("Input.ProfessionalGroup", "Select your professional group, or 'Prefer not to say'");
        }

        return draft with { WhereAnswered = true, OrganisationName = organisation, ProfessionalGroup = Input.ProfessionalGroup };
    }

    /// <inheritdoc />
    protected override SpeakUpStep? FirstUnanswered(SpeakUpDraft draft) => draft switch
    {
        { Mode: null } => SpeakUpStep.How,
        { IsAnonymous: false, Name: null } or { IsAnonymous: false, ContactDetails: null } => SpeakUpStep.AboutYou,
        { WhereAnswered: false } => SpeakUpStep.Where,
        { Categories.Count: 0 } => SpeakUpStep.Categories,
        { Detriment: null } => SpeakUpStep.Detriment,
        { Concern: null } => SpeakUpStep.Concern,
        _ => null,
    };

    /// <inheritdoc />
    protected override SpeakUpStep Next(SpeakUpStep step, SpeakUpDraft draft) =>
        step == SpeakUpStep.How && draft.IsAnonymous ? SpeakUpStep.Where : step + 1;

    /// <inheritdoc />
    protected override SpeakUpStep Previous(SpeakUpStep step, SpeakUpDraft draft) => step switch
    {
        SpeakUpStep.How => SpeakUpStep.How,
        SpeakUpStep.Where when draft.IsAnonymous => SpeakUpStep.How,
        _ => step - 1,
    };

    /// <inheritdoc />
    protected override bool ReachedCheck(SpeakUpDraft draft) =>
        draft.ReachedCheck && FirstUnanswered(draft) is null;

    /// <inheritdoc />
    protected override SpeakUpDraft WithReachedCheck(SpeakUpDraft draft) => draft with { ReachedCheck = true };

    /// <inheritdoc />
    protected override void LoadInputs(SpeakUpDraft draft)
    {
        var listed = pack.Organisations.FirstOrDefault(organisation => organisation.Name == draft.OrganisationName);
        Input = new SpeakUpAnswers
        {
            Mode = draft.Mode,
            Name = draft.Name,
            ContactDetails = draft.ContactDetails,
            Organisation = !draft.WhereAnswered ? null
                : listed is not null ? listed.Id
                : draft.OrganisationName is null ? PreferNotToSay
                : NewFeedback.OtherService,
            OtherOrganisation = listed is null ? draft.OrganisationName : null,
            ProfessionalGroup = draft.ProfessionalGroup,
            Categories = [.. draft.Categories],
            Detriment = draft.Detriment,
            Concern = draft.Concern,
        };
    }

}
