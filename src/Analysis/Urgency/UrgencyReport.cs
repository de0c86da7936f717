namespace QualityVoice.Analysis.Urgency;

/// <summary>
/// How the urgency model did on the held-aside comments, overall, for each reason and each kind of calm comment,
/// beside the lexicon alone; and which comments it missed or flagged wrongly (all written for the purpose).
/// </summary>
public sealed record UrgencyReport(
    string Model,
    UrgencyThresholds Thresholds,
    int UrgentCount,
    int Caught,
    int CalmCount,
    int FalseAlarms,
    int RightReason,
    double LexiconRecall,
    double LexiconFalseAlarmRate,
    IReadOnlyList<UrgencyReasonReport> Reasons,
    IReadOnlyList<UrgencyKindReport> CalmKinds,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> FlaggedWrongly)
{
    /// <summary>The share of urgent comments flagged.</summary>
    public double Recall => UrgentCount == 0 ? 0 : Caught / (double)UrgentCount;

    /// <summary>The share of calm comments flagged.</summary>
    public double FalseAlarmRate => CalmCount == 0 ? 0 : FalseAlarms / (double)CalmCount;

    /// <summary>The share of the urgent comments caught whose reasons include the one they were labelled with.</summary>
    public double ReasonAccuracy => Caught == 0 ? 0 : RightReason / (double)Caught;

    /// <summary>The recall for one reason.</summary>
    public double ReasonRecall(string reason) => Reasons.FirstOrDefault(r => r.Reason == reason)?.Recall ?? 0;

    /// <summary>Measures <paramref name="model"/> on held-aside examples and their embeddings.</summary>
    public static UrgencyReport Measure(UrgencyModel model, IReadOnlyList<UrgencyExample> examples, float[][] embeddings, UrgencyThresholds thresholds)
    {
        var assessments = examples.Select((example, i) => model.Assess(example.Text, embeddings[i])).ToArray();
        var flagged = assessments.Select(assessment => assessment.Urgent).ToArray();
        var lexicon = examples.Select(example => UrgencyDetector.Detect(example.Text).Urgent).ToArray();
        var urgent = Enumerable.Range(0, examples.Count).Where(i => examples[i].Urgent).ToArray();
        var calm = Enumerable.Range(0, examples.Count).Where(i => !examples[i].Urgent).ToArray();
        return new UrgencyReport(
            model.Version,
            thresholds,
            urgent.Length,
            urgent.Count(i => flagged[i]),
            calm.Length,
            calm.Count(i => flagged[i]),
            urgent.Count(i => assessments[i].Reasons.Contains(examples[i].Reason!)),
            urgent.Length == 0 ? 0 : urgent.Count(i => lexicon[i]) / (double)urgent.Length,
            calm.Length == 0 ? 0 : calm.Count(i => lexicon[i]) / (double)calm.Length,
            UrgencyReasons.All.Select(reason =>
            {
                var rows = urgent.Where(i => examples[i].Reason == reason).ToArray();
                return new UrgencyReasonReport(reason, rows.Length, rows.Count(i => flagged[i]), rows.Count(i => lexicon[i]));
            }).ToArray(),
            calm.GroupBy(i => examples[i].Kind).Select(group => new UrgencyKindReport(group.Key, group.Count(), group.Count(i => flagged[i]), group.Count(i => lexicon[i]))).ToArray(),
            urgent.Where(i => !flagged[i]).Select(i => $"{examples[i].Id} ({examples[i].Reason}): {examples[i].Text}").ToArray(),
            calm.Where(i => flagged[i]).Select(i => $"{examples[i].Id} ({examples[i].Kind}): {examples[i].Text}").ToArray());
    }
}

/// <summary>One reason's held-aside comments: how many, and how many the model and the lexicon alone caught.</summary>
public sealed record UrgencyReasonReport(string Reason, int Count, int Caught, int LexiconCaught)
{
    /// <summary>The share caught.</summary>
    public double Recall => Count == 0 ? 0 : Caught / (double)Count;
}

/// <summary>One kind of calm comment held aside: how many, and how many the model and the lexicon alone flagged.</summary>
public sealed record UrgencyKindReport(string Kind, int Count, int Flagged, int LexiconFlagged);
