namespace QualityVoice.Feedback.SpeakUp;

/// <summary>A message in the conversation between the person who spoke up and the guardian.</summary>
/// <param name="FromGuardian">Whether the guardian sent it (otherwise the person who spoke up did).</param>
/// <param name="Body">What it says.</param>
/// <param name="SentOn">The day it was sent: no time of day is kept.</param>
public sealed record SpeakUpMessage(bool FromGuardian, string Body, DateOnly SentOn);
