namespace QualityVoice.Portal.Features.Feedback;

/// <summary>The feedback form's pages, one question each, in order.</summary>
public enum FeedbackStep
{
    /// <summary>Who is giving feedback.</summary>
    Who,

    /// <summary>Which organisation (trust, GP practice group, council): then its services are few enough to read.</summary>
    Organisation,

    /// <summary>Which of that organisation's services.</summary>
    Service,

    /// <summary>Roughly when.</summary>
    When,

    /// <summary>The Friends and Family Test question.</summary>
    Rating,

    /// <summary>What was good, and what could be better.</summary>
    Comments,

    /// <summary>Whether we may contact them.</summary>
    Contact,

    /// <summary>The optional equality questions.</summary>
    Equality,

    /// <summary>Check your answers.</summary>
    Check,
}
