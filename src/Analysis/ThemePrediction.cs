namespace QualityVoice.Analysis;

/// <summary>A sub-category of the NHS patient experience framework that applies to a comment.</summary>
/// <param name="Name">The sub-category, exactly as the training file's column header names it.</param>
/// <param name="Confidence">How sure the model is, 0 to 1 (1 for a member of staff's label).</param>
public sealed record ThemePrediction(string Name, double Confidence);
