using System.Net;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace QualityVoice.Feedback.Storage.Cosmos;

/// <summary>
/// The account's client and the five containers QualityVoice uses: <c>feedback</c> (patient and carer feedback,
/// partitioned by month), <c>equality-monitoring</c> (apart from the feedback, so nobody can casually join them),
/// <c>speak-up</c> (Freedom to Speak Up cases, never beside patient feedback), <c>staff</c> (staff accounts and
/// sessions, which only the back office may read) and <c>audit</c> (the audit log, which the apps may create in and
/// read but not change). Every container is
/// partitioned on <c>/pk</c>; docs/adr/0006-cosmos-partitioning.md says why and what each query costs.
/// </summary>
public sealed class CosmosContainers : IDisposable
{
    /// <summary>The partition key path of every container.</summary>
    public const string PartitionKeyPath = "/pk";

    /// <summary>How documents are serialised: the same camel-case JSON as the API.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly CosmosClient _client;
    private readonly string _database;
    private readonly bool _createIfMissing;

    /// <summary>Connects to the account the options name (nothing is sent until the first request).</summary>
    public CosmosContainers(CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Endpoint, nameof(options.Endpoint));
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "QualityVoice",
            CustomHandlers = { new CosmosRequestCharge() },
            UseSystemTextJsonSerializerWithOptions = Json,
            // Gateway mode works through firewalls and proxies and against local peers; direct mode is a tuning
            // option for large accounts, not a correctness one.
            ConnectionMode = ConnectionMode.Gateway,
        };
        if (options.AcceptAnyServerCertificate)
        {
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        _client = string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(options.Endpoint.ToString(), new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.Endpoint.ToString(), options.Key, clientOptions);
        _database = options.Database;
        _createIfMissing = options.CreateIfMissing ?? true;
        Feedback = _client.GetContainer(_database, "feedback");
        EqualityMonitoring = _client.GetContainer(_database, "equality-monitoring");
        SpeakUp = _client.GetContainer(_database, "speak-up");
        Staff = _client.GetContainer(_database, "staff");
        Audit = _client.GetContainer(_database, "audit");
    }

    /// <summary>Patient and carer feedback, with its reference, idempotency and tracking documents.</summary>
    public Container Feedback { get; }

    /// <summary>Equality monitoring answers, keyed by a random id, with the service and month only.</summary>
    public Container EqualityMonitoring { get; }

    /// <summary>Freedom to Speak Up cases and their conversations.</summary>
    public Container SpeakUp { get; }

    /// <summary>Staff accounts, their roles and sign-in methods, role requests and sessions.</summary>
    public Container Staff { get; }

    /// <summary>The audit log: entries are created and read, never replaced or deleted.</summary>
    public Container Audit { get; }

    /// <summary>Creates the database and containers when they are missing; what start-up runs.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_createIfMissing)
        {
            return;
        }

        Database database = await _client.CreateDatabaseIfNotExistsAsync(_database, cancellationToken: cancellationToken);
        foreach (var (name, indexing) in new[]
                 {
                     (Feedback.Id, CosmosIndexing.Feedback()),
                     (EqualityMonitoring.Id, CosmosIndexing.EqualityMonitoring()),
                     (SpeakUp.Id, CosmosIndexing.SpeakUp()),
                     (Staff.Id, CosmosIndexing.Staff()),
                     (Audit.Id, CosmosIndexing.Audit()),
                 })
        {
            // TTL on, with no default: only documents that say so expire (idempotency claims, tracking failures).
            await database.CreateContainerIfNotExistsAsync(
                new ContainerProperties(name, PartitionKeyPath) { DefaultTimeToLive = -1, IndexingPolicy = indexing },
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>The containers both apps use; the <c>staff</c> container is the back office's alone, and only it may read it.</summary>
    public IReadOnlyList<Container> Shared => [Feedback, EqualityMonitoring, SpeakUp, Audit];

    /// <summary>Whether the database and the given containers answer.</summary>
    public static async Task<bool> AnswerAsync(IReadOnlyList<Container> containers, CancellationToken cancellationToken)
    {
        foreach (var container in containers)
        {
            using var response = await container.ReadContainerStreamAsync(cancellationToken: cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deletes the database: for tests only.</summary>
    public async Task DeleteDatabaseAsync()
    {
        using var response = await _client.GetDatabase(_database).DeleteStreamAsync();
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
