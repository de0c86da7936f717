namespace QualityVoice.Feedback.Hosting;

/// <summary>The feedback store's settings cannot work: the message names the setting and what it must be.</summary>
/// <param name="message">What is wrong, in the settings' names.</param>
public sealed class StoreConfigurationException(string message) : InvalidOperationException(message);
