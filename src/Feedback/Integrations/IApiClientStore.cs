namespace QualityVoice.Feedback.Integrations;

/// <summary>Where the API clients administrators issue are kept, with the feedback (both stores).</summary>
public interface IApiClientStore
{
    /// <summary>Adds a client; false when the name is taken (by a client still working or one revoked).</summary>
    Task<bool> AddAsync(ApiClient client, CancellationToken cancellationToken);

    /// <summary>Every client, revoked ones too, by name.</summary>
    Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Saves a client whose revocation <see cref="ApiClientRegistry"/> decided; false when it is not there.</summary>
    Task<bool> SaveRevocationAsync(ApiClient revoked, CancellationToken cancellationToken);
}
