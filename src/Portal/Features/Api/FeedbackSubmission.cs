using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;

namespace QualityVoice.Portal.Features.Api;

/// <summary>
/// The body of <c>POST /api/v1/feedback</c> as the OpenAPI document describes it. <see cref="FeedbackRequestReader"/>
/// reads the body itself, so that every problem is named by its field at once; the contract test checks that the two
/// agree.
/// </summary>
[Description("Patient or carer feedback: a Friends and Family Test answer and the comments with it.")]
internal sealed record FeedbackSubmission(
    [property: Required, Description("Who is giving the feedback.")] FeedbackKind Kind,
    [property: Required, Description("The service's id from the ICB's list of services (its content pack), or \"other\" with serviceName.")] string Service,
    [property: Required, Description("The answer to \"Overall, how was your experience of our service?\".")] FftRating FftRating,
    [property: MaxLength(FeedbackIntake.ShortTextLimit), Description("The service's name when service is \"other\"; otherwise ignored.")] string? ServiceName = null,
    [property: MaxLength(FeedbackText.AnswerLimit), Description("The answer to \"What was good?\", as the person wrote it.")] string? WhatWasGood = null,
    [property: MaxLength(FeedbackText.AnswerLimit), Description("The answer to \"What could we do better?\", as the person wrote it.")] string? WhatCouldImprove = null,
    [property: RegularExpression(@"^\d{4}-\d{2}$"), Description("Roughly when the care was, as yyyy-MM: this month or in the last ten years.")] string? Month = null,
    [property: MaxLength(ContactEmail.MaxLength), Description("An e-mail address, only with consentToContact: true. It is encrypted, and used only to tell the person what changed.")] string? ContactEmail = null,
    [property: Description("Whether the person agreed to be contacted about this feedback; required as true with contactEmail.")] bool? ConsentToContact = null,
    [property: Description("How the answer was collected, as NHS England's FFT return counts it (\"other\" when not given).")] CollectionMode? CollectionMode = null);
