namespace QualityVoice.Feedback.Publishing;

/// <summary>What came of asking to change an update.</summary>
public enum UpdateChangeOutcome
{
    /// <summary>It changed.</summary>
    Done,

    /// <summary>There is no such update.</summary>
    NotFound,

    /// <summary>Someone saved a newer version since the page was loaded.</summary>
    Stale,

    /// <summary>The workflow does not allow this from where the update is.</summary>
    WrongState,

    /// <summary>The approver wrote or sent this version for review: a second person must approve it.</summary>
    SameReviewer,
}
