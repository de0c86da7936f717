namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>Where the Azure Cosmos DB account is. Bound from the <c>Feedback:Cosmos</c> section.</summary>
public sealed class CosmosStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Feedback:Cosmos";

    /// <summary>The account's endpoint, for example <c>https://qv-nenc.documents.azure.com:443/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The account key. Leave it empty in Azure: the apps then sign in with their managed identity
    /// (<c>DefaultAzureCredential</c>), which needs the "Cosmos DB Built-in Data Contributor" role.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The database; one per ICB.</summary>
    public string Database { get; set; } = "qualityvoice";

    /// <summary>
    /// Accept the server's certificate whatever it is. Only for a local emulator or protocol peer; start-up
    /// refuses it in Production.
    /// </summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary>
    /// Create the database and containers, with their indexing policies, if they are missing. Unset, it is on
    /// except in Production, where the platform team creates them (or turns this on for the first start).
    /// </summary>
    public bool? CreateIfMissing { get; set; }

    /// <summary>
    /// The certificate (a PFX, base64, from Key Vault) that encrypts Data Protection's keys before they are stored in
    /// the shared key ring (<see cref="CosmosKeyRing"/>); required in Production, where the key ring is in Cosmos DB.
    /// </summary>
    public string? KeyRingCertificate { get; set; }
}
