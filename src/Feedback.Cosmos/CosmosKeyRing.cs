using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// ASP.NET Core Data Protection's key ring in the feedback container (partition <c>data-protection-keys</c>), so that
/// every instance of the portal and the back office reads and writes the same keys: a contact address the portal
/// encrypted on one instance is read by the back office on another, and a sign-in cookie or form made by one instance
/// is accepted by the next. Data Protection reads the ring at start-up and when it changes, and writes a key about every
/// 90 days; its interface is synchronous, so the calls wait for Cosmos DB. The keys are encrypted before they are
/// stored when a certificate is configured (<c>Feedback:Cosmos:KeyRingCertificate</c>, required in Production).
/// </summary>
public sealed class CosmosKeyRing(Container feedback) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'data-protection-key'");
        return Task.Run(async () => await feedback.QueryAsync<KeyRingDocument>(query, KeyRingDocument.Partition, CancellationToken.None).ToListAsync())
            .GetAwaiter().GetResult()
            .Select(document => XElement.Parse(document.Xml))
            .ToArray();
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        // Each key once, by its name (Data Protection names a key by its id); a key is never changed, only revoked by a new element.
        var id = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        var document = new KeyRingDocument(id, element.ToString(SaveOptions.DisableFormatting));
        Task.Run(async () => await feedback.TryCreateAsync(document, KeyRingDocument.Partition, CancellationToken.None)).GetAwaiter().GetResult();
    }
}

/// <summary>A Data Protection key element as Cosmos DB keeps it.</summary>
internal sealed record KeyRingDocument(string Id, string Xml)
{
    public const string Partition = "data-protection-keys";

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "data-protection-key";
}
