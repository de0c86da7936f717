namespace QualityVoice.Web.Forms;

/// <summary>A labelled group of options in a select (an <c>optgroup</c>).</summary>
/// <param name="Label">The group's label, such as an organisation's name.</param>
/// <param name="Items">Its options.</param>
public sealed record ChoiceGroup(string Label, IReadOnlyList<ChoiceItem> Items);
