namespace QualityVoice.Feedback.Publishing;

/// <summary>
/// The four-eyes rule on "you said, we did": an update is approved by someone who had no hand in what is being
/// approved. Nobody who sent it for review, or who wrote any version since the last approval, may approve it;
/// re-saving an unchanged version does not make its earlier author a stranger to it.
/// </summary>
public static class SecondPersonRule
{
    /// <summary>Whether <paramref name="approver"/> may approve (names compared as e-mail addresses are, ignoring case).</summary>
    /// <param name="approver">Who is approving.</param>
    /// <param name="sentForReviewBy">Who sent the latest version for review.</param>
    /// <param name="authorsSinceLastApproval">Who saved each version since the last approval.</param>
    public static bool MayApprove(string approver, string? sentForReviewBy, IEnumerable<string> authorsSinceLastApproval) =>
        !string.Equals(approver, sentForReviewBy, StringComparison.OrdinalIgnoreCase)
        && !authorsSinceLastApproval.Contains(approver, StringComparer.OrdinalIgnoreCase);
}
