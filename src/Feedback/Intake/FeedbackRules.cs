namespace QualityVoice.Feedback.Intake;

/// <summary>
/// The rules every piece of patient and carer feedback meets, however it arrives: the portal's form, the API, or a
/// provider's file.
/// </summary>
public sealed class FeedbackRules(TimeProvider time)
{
    /// <summary>
    /// Checks a submission against the rules the form and the API share. The keys of the returned errors
    /// are the API's field names.
    /// </summary>
    public Dictionary<string, string> Check(NewFeedback feedback, out NewFeedback cleaned)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var good = FeedbackText.Check(feedback.WhatWasGood, FeedbackText.AnswerLimit, "What was good");
        if (!good.IsValid)
        {
            errors["whatWasGood"] = good.Error!;
        }

        var improve = FeedbackText.Check(feedback.WhatCouldImprove, FeedbackText.AnswerLimit, "What could we do better");
        if (!improve.IsValid)
        {
            errors["whatCouldImprove"] = improve.Error!;
        }

        var serviceName = FeedbackText.Check(feedback.ServiceName, FeedbackIntake.ShortTextLimit, "The service's name");
        if (!serviceName.IsValid)
        {
            errors["serviceName"] = serviceName.Error!;
        }
        else if (serviceName.Value is null)
        {
            errors["serviceName"] = "Enter the name of the service";
        }

        if (feedback.ExperienceMonth is { } month)
        {
            var thisMonth = YearMonth.Of(time.GetUtcNow());
            if (month > thisMonth)
            {
                errors["month"] = "The month of your care must be this month or in the past";
            }
            else if (month < new YearMonth(thisMonth.Year - 10, thisMonth.Month))
            {
                errors["month"] = "The month of your care must be within the last 10 years";
            }
        }

        string? email = null;
        if (feedback.ContactEmail is not null)
        {
            email = feedback.ContactEmail.Trim();
            if (!ContactEmail.IsValid(email))
            {
                errors["contactEmail"] = "Enter an email address in the correct format, like name@example.com";
            }
        }

        cleaned = feedback with
        {
            WhatWasGood = good.Value,
            WhatCouldImprove = improve.Value,
            ServiceName = serviceName.Value ?? string.Empty,
            ContactEmail = string.IsNullOrEmpty(email) ? null : email,
        };
        return errors;
    }
}
