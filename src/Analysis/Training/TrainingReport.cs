namespace QualityVoice.Analysis.Training;

/// <summary>What grouped cross-validation measured: the figures the model card and docs report.</summary>
/// <param name="Comments">Training comments.</param>
/// <param name="Folds">Folds.</param>
/// <param name="MicroF1">Micro-averaged F1 over sub-categories with enough examples, from the text alone.</param>
/// <param name="MacroF1">Macro-averaged F1 over the same, from the text alone.</param>
/// <param name="SentimentAccuracy">Three-class sentiment accuracy, from the text alone.</param>
/// <param name="MicroF1WithQuestion">Micro-averaged F1 when the question answered is known (as in the portal).</param>
/// <param name="MacroF1WithQuestion">Macro-averaged F1 when the question is known.</param>
/// <param name="SentimentAccuracyWithQuestion">Sentiment accuracy when the question is known.</param>
/// <param name="Labels">Per sub-category figures, from the text alone.</param>
public sealed record TrainingReport(
    int Comments,
    int Folds,
    double MicroF1,
    double MacroF1,
    double SentimentAccuracy,
    double MicroF1WithQuestion,
    double MacroF1WithQuestion,
    double SentimentAccuracyWithQuestion,
    IReadOnlyList<LabelReport> Labels);
