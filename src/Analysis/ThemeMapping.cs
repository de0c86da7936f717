namespace QualityVoice.Analysis;

/// <summary>
/// Where a sub-category of the NHS patient experience framework sits: its major category, the quality
/// strategy's strategic theme it serves, and the CQC key questions it bears on.
/// </summary>
/// <param name="SubCategory">The sub-category, exactly as the training file names it.</param>
/// <param name="Category">The framework's major category.</param>
/// <param name="StrategicTheme">The content pack's strategic theme (its slug).</param>
/// <param name="CqcQuestions">Safe, Effective, Caring, Responsive, Well-led: those it bears on.</param>
public sealed record ThemeMapping(string SubCategory, string Category, string StrategicTheme, IReadOnlyList<string> CqcQuestions);
