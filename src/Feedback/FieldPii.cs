namespace QualityVoice.Feedback;

/// <summary>Personal information found in one of an item's answers: where, and what type, never the value.</summary>
/// <param name="Field">whatWasGood or whatCouldImprove.</param>
/// <param name="Type">What it is, such as "NHS number".</param>
/// <param name="Start">Its first character (UTF-16 index) in the answer.</param>
/// <param name="Length">Its length.</param>
public sealed record FieldPii(string Field, string Type, int Start, int Length);
