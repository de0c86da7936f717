namespace QualityVoice.Feedback.Triage;

/// <summary>A "next page" cursor that the store did not write: a link that was edited, or cut short.</summary>
public sealed class InvalidCursorException() : FormatException("The page cursor is not one this inbox wrote.");
