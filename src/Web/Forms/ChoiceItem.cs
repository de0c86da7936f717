namespace QualityVoice.Web.Forms;

/// <summary>One radio or checkbox option.</summary>
/// <param name="Value">What is posted.</param>
/// <param name="Text">What the person reads.</param>
/// <param name="Hint">Optional hint under the option.</param>
/// <param name="DividerBefore">Text of a divider (such as "or") shown before this option.</param>
public sealed record ChoiceItem(string Value, string Text, string? Hint = null, string? DividerBefore = null);
