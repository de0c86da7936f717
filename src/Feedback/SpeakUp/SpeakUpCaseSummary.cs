namespace QualityVoice.Feedback.SpeakUp;

/// <summary>What the person who spoke up sees when they open their case with its reference and passphrase.</summary>
/// <param name="Reference">The case's reference.</param>
/// <param name="Mode">How they spoke up.</param>
/// <param name="RaisedOn">The day they raised it.</param>
/// <param name="Status">Where it is with the guardian.</param>
/// <param name="Messages">The conversation so far, oldest first.</param>
public sealed record SpeakUpCaseSummary(string Reference, SpeakUpMode Mode, DateOnly RaisedOn, SpeakUpStatus Status, IReadOnlyList<SpeakUpMessage> Messages);
