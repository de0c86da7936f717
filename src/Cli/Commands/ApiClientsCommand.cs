using System.Globalization;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Integrations;

namespace QualityVoice.Cli.Commands;

/// <summary>
/// <c>./qv api-clients add|list|revoke</c>: issues API keys to integrations (a survey supplier, a trust's kiosk system),
/// lists them and revokes them, each written to the audit log. A key is printed once and never kept: only its keyed
/// hash is stored. The portal picks up a new or revoked key within <c>Api:RefreshSeconds</c> (30 s).
/// </summary>
internal static class ApiClientsCommand
{
    public static readonly string Usage = string.Join(Environment.NewLine, [
        "use one of:",
        "  api-clients add --name NAME [--requests-per-second N]   issue a key (printed once) to a new integration",
        "  api-clients list                                       every client, its key's first characters, and whether it works",
        "  api-clients revoke --name NAME                         stop a client's key working (its name is never reused)",
    ]);

    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "add", "list", "revoke" };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ApiClientRegistry registry, IAuditLog audit, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        var verb = args.Count > 0 ? args[0] : string.Empty;
        var line = CommandLine.Parse(args.Skip(1).ToArray(), new HashSet<string>());
        var actor = $"command line ({Environment.UserName})";
        switch (verb)
        {
            case "add":
                line.OnlyAllow("name", "requests-per-second");
                int? perSecond = line.Optional("requests-per-second") is { } text
                    ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException("--requests-per-second is a whole number.")
                    : null;
                var issued = await registry.IssueAsync(line.Required("name"), perSecond, actor, cancellationToken);
                if (issued.Client is null)
                {
                    throw new UsageException(issued.Problem!);
                }

                await audit.RecordAsync(IntegrationAudit.KeyIssued(time.GetUtcNow(), actor, issued.Client), cancellationToken);
                await output.WriteLineAsync($"api-clients: a key for '{issued.Client.Name}'. It is shown once and not kept; give it to the client over a secure channel:");
                await output.WriteLineAsync(issued.Key);
                await output.WriteLineAsync("api-clients: it is sent as the X-Api-Key header (docs/api.md) and works within 30 seconds on every portal instance.");
                return 0;

            case "list":
                line.OnlyAllow();
                foreach (var client in await registry.ListAsync(cancellationToken))
                {
                    var limit = client.RequestsPerSecond is { } own ? $"{own:N0} a second" : "default rate";
                    var state = client.RevokedAt is { } at ? $"revoked {UkTime.Of(at):d MMM yyyy HH:mm} by {client.RevokedBy}" : "works";
                    await output.WriteLineAsync($"{client.Name}\t{client.KeyHint}…\t{limit}\tissued {UkTime.Of(client.IssuedAt):d MMM yyyy} by {client.IssuedBy}\t{state}");
                }

                return 0;

            case "revoke":
                line.OnlyAllow("name");
                var name = line.Required("name");
                var revoked = await registry.RevokeAsync(name, actor, cancellationToken)
                    ?? throw new UsageException($"There is no client called '{name}' whose key still works (./qv api-clients list).");
                await audit.RecordAsync(IntegrationAudit.KeyRevoked(time.GetUtcNow(), actor, revoked), cancellationToken);
                await output.WriteLineAsync($"api-clients: the key of '{revoked.Name}' is revoked; every portal instance refuses it within 30 seconds.");
                return 0;

            default:
                throw new UsageException(Usage);
        }
    }
}
