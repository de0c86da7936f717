namespace QualityVoice.Feedback.SpeakUp;

/// <summary>A guardian's own note on a case: only guardians read it, never the person who spoke up.</summary>
/// <param name="Author">The guardian who wrote it.</param>
/// <param name="Body">What it says.</param>
/// <param name="WrittenOn">The day it was written.</param>
public sealed record SpeakUpNote(string Author, string Body, DateOnly WrittenOn);
