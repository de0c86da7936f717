using Microsoft.AspNetCore.OutputCaching;
using QualityVoice.Portal.Caching;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using QualityVoice.Content;
using QualityVoice.Feedback.Intake;
using QualityVoice.Feedback;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Web.Forms;
using QualityVoice.Web.Hosting;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>
/// Feedback about care, one question a page, then check your answers: the NHS service manual's pattern, working
/// without JavaScript. The answers travel between pages in an encrypted hidden field, so nothing is stored, and
/// no cookie set, until the person presses "Send feedback".
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
[IgnoreAntiforgeryToken]
public sealed class FeedbackJourneyModel(
    FeedbackIntake intake,
    FormDraftProtector<FeedbackDraft> drafts,
    ContentPack pack,
    IBotCheck botCheck,
    ClientKeys clientKeys,
    TimeProvider time,
    IAntiforgery antiforgery,
    ILogger<FeedbackJourneyModel> logger) : CheckedSendJourneyPageModel<FeedbackDraft, FeedbackStep>(drafts, antiforgery, botCheck, clientKeys, logger)
{
    /// <summary>Who is giving feedback.</summary>
    public static IReadOnlyList<ChoiceItem> Kinds { get; } =
    [
        new("patient", "I am the patient"),
        new("carer", "I am a carer, relative or friend of the patient"),
        new("other", "Someone else", "For example, a visitor"),
    ];

    /// <summary>The Friends and Family Test's answers, word for word.</summary>
    public static IReadOnlyList<ChoiceItem> FftAnswers { get; } =
    [
        new("very-good", "Very good"),
        new("good", "Good"),
        new("neither", "Neither good nor poor"),
        new("poor", "Poor"),
        new("very-poor", "Very poor"),
        new("dont-know", "Don't know"),
    ];

    /// <summary>Whether we may contact them.</summary>
    public static IReadOnlyList<ChoiceItem> ContactChoices { get; } =
    [
        new("yes", "Yes, you may contact me about this feedback"),
        new("no", "No"),
    ];

    /// <summary>The option after the service list.</summary>
    public static IReadOnlyList<ChoiceItem> NotInTheList { get; } = [new(NewFeedback.OtherService, "Not in the list")];

    /// <summary>The fields of the page they were on.</summary>
    [BindProperty]
    public FeedbackAnswers Input { get; set; } = new();

    /// <summary>The service, as the person chose it.</summary>
    public string? ServiceDisplayName => ServiceDisplayNameFor(Current);

    /// <summary>The organisations to choose from, then "Not in the list".</summary>
    public IReadOnlyList<ChoiceItem> OrganisationChoices =>
        [.. pack.Organisations.Select(organisation => new ChoiceItem(organisation.Id, organisation.Name)), new ChoiceItem(NewFeedback.OtherService, "Not in the list") { DividerBefore = "or" }];

    /// <summary>The organisation chosen, or null for one not in the list.</summary>
    public Content.CareOrganisation? ChosenOrganisation => pack.Organisations.FirstOrDefault(organisation => organisation.Id == Current.OrganisationId);

    /// <summary>The chosen organisation's services, then "Not in the list".</summary>
    public IReadOnlyList<ChoiceItem> ServiceChoices =>
        ChosenOrganisation is { } organisation
            ? [.. organisation.Services.Select(service => new ChoiceItem(service.Id, service.Name)), new ChoiceItem(NewFeedback.OtherService, "Not in the list") { DividerBefore = "or" }]
            : [];

    private string OrganisationOf(string serviceId) =>
        pack.Organisations.First(organisation => organisation.Services.Any(service => service.Id == serviceId)).Id;

    /// <inheritdoc />
    protected override FeedbackDraft Start() => new() { SubmissionKey = Guid.NewGuid().ToString("N"), StartedAt = time.GetUtcNow() };

    /// <inheritdoc />
    protected override FeedbackStep FirstStep => FeedbackStep.Who;

    /// <inheritdoc />
    protected override FeedbackStep CheckStep => FeedbackStep.Check;

    /// <inheritdoc />
    protected override string Form => "feedback";

    /// <inheritdoc />
    protected override string SendButton => "Send feedback";

    /// <inheritdoc />
    protected override DateTimeOffset StartedAt(FeedbackDraft draft) => draft.StartedAt;

    /// <inheritdoc />
    protected override FeedbackDraft WithNewSubmissionKey(FeedbackDraft draft) => draft with { SubmissionKey = Guid.NewGuid().ToString("N") };

    /// <inheritdoc />
    protected override Task<IntakeResult> SubmitAsync(FeedbackDraft draft, CancellationToken cancellationToken) =>
        intake.SubmitAsync(ToFeedback(draft), new IdempotencyKey("form", draft.SubmissionKey), cancellationToken);

    /// <inheritdoc />
    protected override FeedbackDraft Apply(FeedbackStep step, FeedbackDraft draft)
    {
        switch (step)
        {
            case FeedbackStep.Who:
                if (Kinds.All(kind => kind.Value != Input.Kind))
                {
                    ModelState.AddModelError("Input.Kind", "Select who is giving feedback");
                    return draft;
                }

                return draft with { Kind = Input.Kind };

            case FeedbackStep.Organisation:
                // A service chosen directly (an older page, or a script) answers both questions at once.
                if (pack.FindService(Input.ServiceId) is { } direct)
                {
                    return draft with { OrganisationId = OrganisationOf(direct.Id), ServiceId = direct.Id, OtherServiceName = null };
                }

                if (Input.OrganisationId == NewFeedback.OtherService)
                {
                    return draft with { OrganisationId = NewFeedback.OtherService, ServiceId = draft.ServiceId == NewFeedback.OtherService ? draft.ServiceId : null };
                }

                if (pack.Organisations.FirstOrDefault(organisation => organisation.Id == Input.OrganisationId) is not { } chosen)
                {
                    ModelState.AddModelError("Input.OrganisationId", "Select the organisation your feedback is about, or 'Not in the list'");
                    return draft;
                }

                // Choosing another organisation means choosing its service again.
                return draft with
                {
                    OrganisationId = chosen.Id,
                    ServiceId = chosen.Services.Any(service => service.Id == draft.ServiceId) ? draft.ServiceId : null,
                };

            case FeedbackStep.Service:
                var organisation = pack.Organisations.FirstOrDefault(candidate => candidate.Id == draft.OrganisationId);
                var serviceId = organisation is null ? NewFeedback.OtherService : Input.ServiceId;
                if (string.IsNullOrEmpty(serviceId) || (serviceId != NewFeedback.OtherService && organisation?.Services.Any(service => service.Id == serviceId) != true))
                {
                    ModelState.AddModelError("Input.ServiceId", "Select the service your feedback is about, or 'Not in the list'");
                    return draft;
                }

                if (serviceId == NewFeedback.OtherService)
                {
                    var name = FeedbackText.Check(Input.OtherServiceName, FeedbackIntake.ShortTextLimit, "The service's name");
                    if (name.Value is null)
                    {
                        ModelState.AddModelError("Input.OtherServiceName", name.Error ?? "Enter the name of the service");
                        return draft;
                    }

                    return draft with { ServiceId = NewFeedback.OtherService, OtherServiceName = organisation is null ? name.Value : $"{name.Value}, {organisation.Name}" };
                }

                return draft with { ServiceId = serviceId, OtherServiceName = null };

            case FeedbackStep.When:
                return ApplyWhen(draft);

            case FeedbackStep.Rating:
                if (!WireName<FftRating>.TryParse(Input.FftRating, out _))
                {
                    ModelState.AddModelError("Input.FftRating", "Select how your experience was overall");
                    return draft;
                }

                return draft with { FftRating = Input.FftRating };

            case FeedbackStep.Comments:
                var good = FeedbackText.Check(Input.WhatWasGood, FeedbackText.AnswerLimit, "What was good");
                var improve = FeedbackText.Check(Input.WhatCouldImprove, FeedbackText.AnswerLimit, "What could we do better");
                if (!good.IsValid)
                {
                    ModelState.AddModelError("Input.WhatWasGood", good.Error!);
                }

                if (!improve.IsValid)
                {
                    ModelState.AddModelError("Input.WhatCouldImprove", improve.Error!);
                }

                return draft with { WhatWasGood = good.Value, WhatCouldImprove = improve.Value, CommentsAnswered = true };

            case FeedbackStep.Contact:
                if (Input.ContactConsent is not ("yes" or "no"))
                {
                    ModelState.AddModelError("Input.ContactConsent", "Select yes if we may contact you about your feedback");
                    return draft;
                }

                if (Input.ContactConsent == "no")
                {
                    return draft with { ContactConsent = false, ContactEmail = null };
                }

                var email = Input.ContactEmail?.Trim();
                if (!ContactEmail.IsValid(email))
                {
                    ModelState.AddModelError(
                        "Input.ContactEmail",
                        string.IsNullOrEmpty(email) ? "Enter your email address" : "Enter an email address in the correct format, like name@example.com");
                    return draft;
                }

                return draft with { ContactConsent = true, ContactEmail = email };

            case FeedbackStep.Equality:
                return ApplyEquality(draft);

            default:
                return draft;
        }
    }

    private FeedbackDraft ApplyWhen(FeedbackDraft draft)
    {
        var monthText = Input.Month?.Trim();
        var yearText = Input.Year?.Trim();
        if (string.IsNullOrEmpty(monthText) && string.IsNullOrEmpty(yearText))
        {
            return draft with { WhenAnswered = true, Month = null };
        }

        if (!int.TryParse(monthText, out var month) || month is < 1 or > 12)
        {
            ModelState.AddModelError("Input.Month", "Enter the month as a number from 1 to 12, or leave both boxes empty");
            return draft;
        }

        var now = YearMonth.Of(time.GetUtcNow());
        if (!int.TryParse(yearText, out var year) || yearText!.Length != 4)
        {
            ModelState.AddModelError("Input.Year", "Enter the year with 4 numbers, like 2025");
            return draft;
        }

        var when = new YearMonth(year, month);
        if (when > now)
        {
            ModelState.AddModelError("Input.Month", "The month of your care must be this month or in the past");
            return draft;
        }

        if (when < new YearMonth(now.Year - 10, now.Month))
        {
            ModelState.AddModelError("Input.Year", "The month of your care must be within the last 10 years");
            return draft;
        }

        return draft with { WhenAnswered = true, Month = when.ToString() };
    }

    private FeedbackDraft ApplyEquality(FeedbackDraft draft)
    {
        if (Go == "skip")
        {
            return draft with { EqualityAnswered = true, Equality = new EqualityAnswers() };
        }

        var answers = new EqualityAnswers
        {
            AgeBand = Checked(EqualityQuestions.AgeBands, Input.AgeBand, "Input.AgeBand"),
            Sex = Checked(EqualityQuestions.Sexes, Input.Sex, "Input.Sex"),
            GenderIdentitySameAsBirth = Checked(EqualityQuestions.GenderIdentity, Input.GenderIdentitySameAsBirth, "Input.GenderIdentitySameAsBirth"),
            Ethnicity = Checked(EqualityQuestions.Ethnicities, Input.Ethnicity, "Input.Ethnicity"),
            Disability = Checked(EqualityQuestions.Disability, Input.Disability, "Input.Disability"),
            Religion = Checked(EqualityQuestions.Religions, Input.Religion, "Input.Religion"),
            SexualOrientation = Checked(EqualityQuestions.SexualOrientations, Input.SexualOrientation, "Input.SexualOrientation"),
        };
        return draft with { EqualityAnswered = true, Equality = answers };
    }

    private string? Checked(IReadOnlyList<ChoiceItem> options, string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!EqualityQuestions.IsAnswer(options, value))
        {
            ModelState.AddModelError(field, "Select one of the answers, or leave the question unanswered");
            return null;
        }

        return value;
    }

    /// <inheritdoc />
    protected override FeedbackStep? FirstUnanswered(FeedbackDraft draft) => draft switch
    {
        { Kind: null } => FeedbackStep.Who,
        { OrganisationId: null, ServiceId: null } => FeedbackStep.Organisation,
        { ServiceId: null } => FeedbackStep.Service,
        { WhenAnswered: false } => FeedbackStep.When,
        { FftRating: null } => FeedbackStep.Rating,
        { CommentsAnswered: false } => FeedbackStep.Comments,
        { ContactConsent: null } => FeedbackStep.Contact,
        { EqualityAnswered: false } => FeedbackStep.Equality,
        _ => null,
    };

    private NewFeedback ToFeedback(FeedbackDraft draft)
    {
        var equality = draft.Equality;
        return new NewFeedback(
            WireName<FeedbackKind>.Parse(draft.Kind!),
            draft.ServiceId!,
            ServiceDisplayNameFor(draft) ?? string.Empty,
            WireName<FftRating>.Parse(draft.FftRating!),
            draft.WhatWasGood,
            draft.WhatCouldImprove,
            YearMonth.TryParse(draft.Month, out var month) ? month : null,
            CollectionMode.Online,
            draft.ContactConsent == true ? draft.ContactEmail : null,
            new EqualityMonitoring(equality.AgeBand, equality.Sex, equality.GenderIdentitySameAsBirth, equality.Ethnicity, equality.Disability, equality.Religion, equality.SexualOrientation));
    }

    private string? ServiceDisplayNameFor(FeedbackDraft draft) =>
        draft.ServiceId == NewFeedback.OtherService ? draft.OtherServiceName : pack.FindService(draft.ServiceId)?.FullName;

    /// <inheritdoc />
    protected override FeedbackStep Previous(FeedbackStep step, FeedbackDraft draft) => step == FeedbackStep.Who ? FeedbackStep.Who : step - 1;

    /// <inheritdoc />
    protected override FeedbackStep Next(FeedbackStep step, FeedbackDraft draft) =>
        step == FeedbackStep.Organisation && draft.ServiceId is not null ? FeedbackStep.When : step + 1;

    /// <inheritdoc />
    protected override bool ReachedCheck(FeedbackDraft draft) => draft.ReachedCheck;

    /// <inheritdoc />
    protected override FeedbackDraft WithReachedCheck(FeedbackDraft draft) => draft with { ReachedCheck = true };

    /// <inheritdoc />
    protected override void LoadInputs(FeedbackDraft draft) => Input = FeedbackAnswers.From(draft);

}
