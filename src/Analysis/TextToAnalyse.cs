namespace QualityVoice.Analysis;

/// <summary>A comment to analyse, with the question it answers and the FFT answer given with it, when they are known.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Question">The question it answers.</param>
/// <param name="Fft">The FFT answer given with it (read only when the question is known).</param>
public sealed record TextToAnalyse(string Text, QuestionKind Question = QuestionKind.Unknown, FftAnswer Fft = FftAnswer.Unknown);
