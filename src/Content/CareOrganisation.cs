namespace QualityVoice.Content;

/// <summary>An organisation that provides care in the ICB's area, such as an NHS trust, with its services.</summary>
/// <param name="Id">Its id in the pack.</param>
/// <param name="Name">Its name.</param>
/// <param name="OdsCode">Its Organisation Data Service code, where known.</param>
/// <param name="Services">The services people can give feedback about.</param>
public sealed record CareOrganisation(string Id, string Name, string? OdsCode, IReadOnlyList<CareService> Services);
