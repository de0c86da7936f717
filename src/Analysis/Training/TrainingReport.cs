namespace QualityVoice.Analysis.Training;

/// <summary>What grouped cross-validation measured: the figures the model card and docs report.</summary>
/// <param name="Comments">Training comments.</param>
/// <param name="Folds">Folds.</param>
/// <param name="MicroF1">Micro-averaged F1 over sub-categories with enough examples, from the text alone.</param>
/// <param name="MacroF1">Macro-averaged F1 over the same, from the text alone.</param>
/// <param name="SentimentAccuracy">Three-class sentiment accuracy, from the text alone.</param>
/// <param name="MicroF1WithQuestion">
/// Micro-averaged F1 when the question answered is known, with the FFT answer given when there is one (as in the portal).
/// </param>
/// <param name="MacroF1WithQuestion">Macro-averaged F1 when the question (and the FFT answer) are known.</param>
/// <param name="SentimentAccuracyWithQuestion">Sentiment accuracy when the question (and the FFT answer) are known.</param>
/// <param name="Labels">Per sub-category figures, from the text alone.</param>
/// <param name="Calibration">How well the calibrated confidences match how often the model was right.</param>
public sealed record TrainingReport(
    int Comments,
    int Folds,
    double MicroF1,
    double MacroF1,
    double SentimentAccuracy,
    double MicroF1WithQuestion,
    double MacroF1WithQuestion,
    double SentimentAccuracyWithQuestion,
    IReadOnlyList<LabelReport> Labels,
    CalibrationReport? Calibration = null)
{
    /// <summary>How many staff corrections were added to the labelled comments (<c>./qv train --with-corrections</c>).</summary>
    public int Corrections { get; init; }

    /// <summary>
    /// Macro-F1 as the target defines it on a set of unseen comments: over the sub-categories with at least ten examples
    /// <em>among the comments measured</em>. Each fold's held-out part (a fifth of the file) is such a set in turn; this
    /// is the average over folds, from the text alone. <see cref="MacroF1"/> is stricter: it counts every sub-category
    /// with ten examples in the whole file, so rare ones with one or two examples in a fold weigh as much as common ones.
    /// </summary>
    public double FoldMacroF1 { get; init; }

    /// <summary><see cref="FoldMacroF1"/> when the question is known.</summary>
    public double FoldMacroF1WithQuestion { get; init; }

    /// <summary>
    /// The figures when the question is known but not the FFT answer (a CSV without it): the models learn each comment
    /// with both and with neither, so this is how well they read one without the other.
    /// </summary>
    public HeadlineFigures? WithQuestionWithoutFft { get; init; }
}

/// <summary>Micro-F1, macro-F1 per fold (<see cref="TrainingReport.FoldMacroF1"/>) and sentiment accuracy, for one kind of input.</summary>
/// <param name="MicroF1">Micro-averaged F1.</param>
/// <param name="FoldMacroF1">Macro-averaged F1 as the target counts it, averaged over folds.</param>
/// <param name="SentimentAccuracy">Three-class sentiment accuracy.</param>
public sealed record HeadlineFigures(double MicroF1, double FoldMacroF1, double SentimentAccuracy);

/// <summary>How well the calibrated confidences match how often the model was right (out of fold).</summary>
/// <param name="ReviewBelow">The calibrated confidence below which an item needs a human look.</param>
/// <param name="Themes">Theme confidences (every comment and sub-category with a raw probability of at least 0.05), by tenths.</param>
/// <param name="Sentiment">Sentiment confidences, by tenths.</param>
public sealed record CalibrationReport(double ReviewBelow, IReadOnlyList<ReliabilityRow> Themes, IReadOnlyList<ReliabilityRow> Sentiment);

/// <summary>One tenth of the confidence range: how many predictions fell in it, their mean confidence, and how often they were right.</summary>
/// <param name="From">The bin's lower edge.</param>
/// <param name="To">Its upper edge.</param>
/// <param name="Count">How many predictions.</param>
/// <param name="MeanConfidence">Their mean calibrated confidence.</param>
/// <param name="Observed">How often they were right.</param>
public sealed record ReliabilityRow(double From, double To, int Count, double MeanConfidence, double Observed);
