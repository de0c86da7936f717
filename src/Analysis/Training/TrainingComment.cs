namespace QualityVoice.Analysis.Training;

/// <summary>One labelled comment from the training file.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Labels">For each sub-category (in the file's column order), whether it applies.</param>
/// <param name="Sentiment">0 positive (1–2), 1 neutral or mixed (3), 2 negative (4–5); null where the labeller gave none.</param>
/// <param name="Question">The question the comment answers, as a <see cref="QuestionKind"/>.</param>
/// <param name="Fft">The FFT answer given with it.</param>
public sealed record TrainingComment(string Text, bool[] Labels, int? Sentiment, QuestionKind Question, FftAnswer Fft = FftAnswer.Unknown);
