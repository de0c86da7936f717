using QualityVoice.Feedback.Integrations;

namespace QualityVoice.Feedback.Audit;

/// <summary>
/// The audit entries for integrations, written the same way by the command line and the back office: keys issued and
/// revoked (with the key's first characters only), and providers' files imported (their counts, never their rows).
/// </summary>
public static class IntegrationAudit
{
    /// <summary>An administrator issued a client a key.</summary>
    public static AuditEntry KeyIssued(DateTimeOffset at, string actor, ApiClient client) =>
        new(at, actor, AuditActions.ApiClient, $"api-client:{client.Name}", $"Issued a key ({client.KeyHint}…)");

    /// <summary>An administrator revoked a client's key.</summary>
    public static AuditEntry KeyRevoked(DateTimeOffset at, string actor, ApiClient client) =>
        new(at, actor, AuditActions.ApiClient, $"api-client:{client.Name}", $"Revoked its key ({client.KeyHint}…)");

    /// <summary>Someone imported a provider's file; <paramref name="summary"/> is its counts in a sentence.</summary>
    public static AuditEntry FileImported(DateTimeOffset at, string actor, string fileName, string profile, string client, string summary) =>
        new(at, actor, AuditActions.Imported, $"import {fileName}", $"Profile {profile}, client {client}: {summary}.");
}
