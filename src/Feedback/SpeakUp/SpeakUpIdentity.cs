namespace QualityVoice.Feedback.SpeakUp;

/// <summary>Who raised an open or confidential concern: kept encrypted, for the guardian.</summary>
/// <param name="Name">Their name.</param>
/// <param name="ContactDetails">How to reach them.</param>
public sealed record SpeakUpIdentity(string Name, string ContactDetails);
