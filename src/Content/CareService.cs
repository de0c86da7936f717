namespace QualityVoice.Content;

/// <summary>A service people can give feedback about, such as a hospital's maternity service.</summary>
/// <param name="Id">Its id in the pack: what feedback stores and the API accepts.</param>
/// <param name="Name">Its name within its organisation, such as "Maternity".</param>
/// <param name="OrganisationName">Its organisation's name.</param>
public sealed record CareService(string Id, string Name, string OrganisationName)
{
    /// <summary>The name to show on its own, such as "Maternity, Gateshead Health NHS Foundation Trust".</summary>
    public string FullName => $"{Name}, {OrganisationName}";
}
