namespace QualityVoice.Analysis;

/// <summary>A comment to analyse, with the question it answers when that is known.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Question">The question it answers.</param>
public sealed record TextToAnalyse(string Text, QuestionKind Question = QuestionKind.Unknown);
