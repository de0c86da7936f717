using QualityVoice.Analysis.Urgency;

namespace QualityVoice.Feedback.Triage;

/// <summary>
/// Staff's verdicts on urgency, as labelled comments for the next urgency model (the back office's urgency training
/// download, for <c>./qv train --model urgency --with-corrections</c>): an item a member of staff marked urgent is
/// urgent, for the reason they gave; an item the analysis flagged that the person who read it found no risk in is calm,
/// each of its answers; one they read and acted on is urgent, for the analysis's first reason. Only the words with
/// personal details hidden are used. An item whose urgency came from the person's answer on /track is left out: the
/// acknowledgement is about the answer, which is not in the item's text.
/// </summary>
public static class UrgencyVerdicts
{
    /// <summary>Marked urgent by a member of staff: the analysis missed it.</summary>
    public const string Marked = UrgencyExample.StaffVerdictPrefix + "marked";

    /// <summary>Flagged by the analysis, read, and acted on.</summary>
    public const string Confirmed = UrgencyExample.StaffVerdictPrefix + "confirmed";

    /// <summary>Flagged by the analysis, read, and no risk found: a false alarm.</summary>
    public const string Cleared = UrgencyExample.StaffVerdictPrefix + "cleared";

    /// <summary>The labelled comments <paramref name="item"/> gives, if staff judged its urgency.</summary>
    public static IEnumerable<UrgencyVerdict> Of(TriageItem item)
    {
        if (item.Item.Analysis is not { } analysis)
        {
            yield break;
        }

        string?[] answers = [analysis.RedactedWhatWasGood, analysis.RedactedWhatCouldImprove];
        var texts = answers.Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text!).ToArray();
        if (texts.Length == 0)
        {
            yield break;
        }

        switch (item.UrgencyJudgement)
        {
            case UrgencyJudgement.Missed:
                yield return new UrgencyVerdict(item.Item.Reference, string.Join(' ', texts), true, item.MarkedUrgent!.Reason, Marked);
                break;
            case UrgencyJudgement.NoRiskFound:
                for (var i = 0; i < texts.Length; i++)
                {
                    yield return new UrgencyVerdict($"{item.Item.Reference}-{i + 1}", texts[i], false, null, Cleared);
                }

                break;
            case UrgencyJudgement.ActedOn when analysis.UrgentReasons.FirstOrDefault() is { } reason:
                yield return new UrgencyVerdict(item.Item.Reference, string.Join(' ', texts), true, reason, Confirmed);
                break;
        }
    }
}

/// <summary>One labelled comment from a member of staff's verdict, in the urgency set's columns (its split is training).</summary>
/// <param name="Id">The item's reference (and the answer's number, when each answer is a comment).</param>
/// <param name="Text">What they said, with personal details hidden.</param>
/// <param name="Urgent">Whether a person had to read it that day.</param>
/// <param name="Reason">Why, when urgent.</param>
/// <param name="Kind"><see cref="UrgencyVerdicts.Marked"/>, <see cref="UrgencyVerdicts.Confirmed"/> or <see cref="UrgencyVerdicts.Cleared"/>.</param>
public sealed record UrgencyVerdict(string Id, string Text, bool Urgent, string? Reason, string Kind);
