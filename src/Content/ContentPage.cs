namespace QualityVoice.Content;

/// <summary>A plain page of the pack, such as the accessibility statement, privacy notice or contact page.</summary>
/// <param name="Slug">Its URL name, from the file name.</param>
/// <param name="Title">Its heading.</param>
/// <param name="BodyHtml">Its text, rendered.</param>
public sealed record ContentPage(string Slug, string Title, string BodyHtml);
