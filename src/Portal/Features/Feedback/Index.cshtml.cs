using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Intake;
using QualityVoice.Web.Forms;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>Feedback about care: the Friends and Family Test question and what was good or could be better.</summary>
public sealed class IndexModel(FeedbackIntake intake) : PageModel
{
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

    /// <summary>What the form posts.</summary>
    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    /// <summary>Set once the feedback is stored: what the confirmation shows.</summary>
    public IntakeResult.Accepted? Receipt { get; private set; }

    /// <summary>Shows the form, with a fresh key that makes submitting it twice harmless.</summary>
    public void OnGet() => Input = new FeedbackForm { SubmissionKey = Guid.NewGuid().ToString("N") };

    /// <summary>Stores the feedback and shows the reference and passphrase, or the form again with its errors.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!WireName<FftRating>.TryParse(Input.FftRating, out var rating))
        {
            ModelState.AddModelError("Input.FftRating", "Select how your experience was overall");
        }

        if (!IdempotencyKey.IsWellFormed(Input.SubmissionKey))
        {
            Input.SubmissionKey = Guid.NewGuid().ToString("N");
        }

        var feedback = new NewFeedback(
            FeedbackKind.Patient,
            NewFeedback.OtherService,
            Input.ServiceName ?? string.Empty,
            rating,
            Input.WhatWasGood,
            Input.WhatCouldImprove,
            ExperienceMonth: null,
            CollectionMode.Online);
        if (!ModelState.IsValid)
        {
            AddErrors(intake.Validate(feedback, out _));
            return Page();
        }

        switch (await intake.SubmitAsync(feedback, new IdempotencyKey("form", Input.SubmissionKey!), cancellationToken))
        {
            case IntakeResult.Accepted accepted:
                Receipt = accepted;
                return Page();
            case IntakeResult.Invalid invalid:
                AddErrors(invalid.Errors);
                return Page();
            default:
                // The same form key with different answers: treat it as a new submission.
                Input.SubmissionKey = Guid.NewGuid().ToString("N");
                return await OnPostAsync(cancellationToken);
        }
    }

    private void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field switch
            {
                "serviceName" => "Input.ServiceName",
                "whatWasGood" => "Input.WhatWasGood",
                "whatCouldImprove" => "Input.WhatCouldImprove",
                _ => string.Empty,
            }, message);
        }
    }

    /// <summary>The form's fields.</summary>
    public sealed class FeedbackForm
    {
        /// <summary>Makes a repeated post of the same form return the same reference.</summary>
        public string? SubmissionKey { get; set; }

        /// <summary>The service's name.</summary>
        [Display(Name = "Service")]
        public string? ServiceName { get; set; }

        /// <summary>The FFT answer's wire name.</summary>
        public string? FftRating { get; set; }

        /// <summary>What was good.</summary>
        public string? WhatWasGood { get; set; }

        /// <summary>What could be better.</summary>
        public string? WhatCouldImprove { get; set; }
    }
}
