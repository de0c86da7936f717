using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Feedback.Storage.Cosmos;

namespace QualityVoice.Feedback.Tests.Storage;

/// <summary>
/// Data Protection's keys on Cosmos DB: one key ring for every instance, so that what one instance protects (a contact
/// address, a sign-in cookie) another reads; encrypted with the configured certificate before it is stored.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class SharedKeyRingTests(CosmosAccountFixture account)
{
    [Fact]
    public async Task What_one_instance_protects_another_reads_and_the_stored_keys_are_encrypted()
    {
        var containers = await account.Server.CreateDatabaseAsync();
        var certificate = Certificate();
        using var first = Instance("Development", containers.Feedback.Database.Id, certificate);
        using var second = Instance("Development", containers.Feedback.Database.Id, certificate);

        var protectedAddress = Protector(first).Protect("someone@example.org");

        Assert.Equal("someone@example.org", Protector(second).Unprotect(protectedAddress));
        var stored = Assert.Single(new CosmosKeyRing(containers.Feedback).GetAllElements());
        Assert.Contains("EncryptedData", stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_production_on_cosmos_the_tracking_key_and_the_key_rings_certificate_must_be_configured()
    {
        var noTrackingKey = Assert.Throws<StoreConfigurationException>(() => Instance("Production", "qualityvoice", certificate: null, trackingKey: null));
        var noCertificate = Assert.Throws<StoreConfigurationException>(() => Instance("Production", "qualityvoice", certificate: null));

        Assert.Contains("Feedback:TrackingKey must be set", noTrackingKey.Message, StringComparison.Ordinal);
        Assert.Contains("Feedback:Cosmos:KeyRingCertificate must be set", noCertificate.Message, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(IHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("contact-email");

    private IHost Instance(string environment, string database, string? certificate, string? trackingKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feedback:Store"] = "Cosmos",
            ["Feedback:Cosmos:Endpoint"] = environment == "Production" ? "https://qualityvoice.documents.azure.com/" : account.Server.Endpoint.ToString(),
            ["Feedback:Cosmos:Key"] = account.Server.Key,
            ["Feedback:Cosmos:Database"] = database,
            ["Feedback:Cosmos:AcceptAnyServerCertificate"] = environment == "Production" ? "false" : account.Server.IsProtocolPeer.ToString(),
            ["Feedback:Cosmos:KeyRingCertificate"] = certificate,
            ["Feedback:TrackingKey"] = trackingKey,
        });
        builder.AddFeedbackStore();
        return builder.Build();
    }

    private static string Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=QualityVoice key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
