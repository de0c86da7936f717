namespace QualityVoice.Analysis;

/// <summary>
/// The feeling about one theme, read from the clause it was found in: "the nurses were lovely but I waited six hours"
/// is positive about staff and negative about waiting, though mixed as a whole.
/// </summary>
/// <param name="Theme">The framework sub-category.</param>
/// <param name="Sentiment">The feeling about it.</param>
public sealed record ThemeSentiment(string Theme, Sentiment Sentiment);
