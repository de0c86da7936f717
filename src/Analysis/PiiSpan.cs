namespace QualityVoice.Analysis;

/// <summary>Where personal information was found in a text: its type and position only, never its value.</summary>
/// <param name="Type">What it is, such as "NHS number" or "name".</param>
/// <param name="Start">Its first character (UTF-16 index) in the original text.</param>
/// <param name="Length">Its length in UTF-16 characters.</param>
public sealed record PiiSpan(string Type, int Start, int Length);
