namespace QualityVoice.Content;

/// <summary>
/// One of the quality strategy's overarching strategic themes, such as Patient safety, with the ICB's own words.
/// </summary>
/// <param name="Slug">Its URL name, from the file name.</param>
/// <param name="Title">Its name, as the strategy gives it.</param>
/// <param name="Order">Where it comes in the strategy.</param>
/// <param name="Summary">A sentence or two for lists.</param>
/// <param name="BodyHtml">The theme's page text, rendered.</param>
public sealed record StrategicTheme(string Slug, string Title, int Order, string Summary, string BodyHtml);
