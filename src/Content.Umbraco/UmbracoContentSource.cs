using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualityVoice.Content.Umbraco.DeliveryApi;
using QualityVoice.Content.Umbraco.Hosting;

namespace QualityVoice.Content.Umbraco;

/// <summary>
/// The portal's content read from the ICB's Umbraco site. It keeps the last content it read successfully, in memory
/// and in a file (so that a restart while Umbraco is down still serves it), and reads again when the refresh interval
/// has passed or a publish webhook asks. While Umbraco is slow, down or answers badly, the last good content stays
/// and <see cref="Problem"/> says why (readiness reports it as degraded); nothing of it reaches the public.
/// </summary>
public sealed partial class UmbracoContentSource : IContentSource
{
    private readonly DeliveryApiClient _client;
    private readonly IOptions<UmbracoOptions> _options;
    private readonly ContentPack _pack;
    private readonly string _lastGoodFile;
    private readonly TimeProvider _time;
    private readonly ILogger<UmbracoContentSource> _logger;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile ContentPack? _current;
    private string? _snapshot;

    /// <summary>
    /// Reads through <paramref name="client"/>; <paramref name="pack"/> is the Markdown pack, whose name and taxonomy
    /// (the analyzer's categories) stay with QualityVoice; the last good content is kept in <paramref name="lastGoodFile"/>.
    /// </summary>
    public UmbracoContentSource(
        DeliveryApiClient client, IOptions<UmbracoOptions> options, ContentPack pack, string lastGoodFile, TimeProvider time, ILogger<UmbracoContentSource> logger)
    {
        _client = client;
        _options = options;
        _pack = pack;
        _lastGoodFile = lastGoodFile;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public ContentPack Current => _current ?? throw new InvalidOperationException("The content has not been read from Umbraco yet.");

    /// <summary>Whether any content has been read (now or, from the file, before a restart).</summary>
    public bool HasContent => _current is not null;

    /// <summary>Why the last read failed, while the last good content is being served; null when it succeeded.</summary>
    public string? Problem { get; private set; }

    /// <summary>When the content being served was read from Umbraco.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <summary>Loads the content kept in the file from the last successful read, if there is one.</summary>
    public async Task<bool> LoadLastGoodAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_lastGoodFile))
        {
            return false;
        }

        try
        {
            var json = await File.ReadAllTextAsync(_lastGoodFile, cancellationToken);
            var snapshot = JsonSerializer.Deserialize<UmbracoSnapshot>(json, DeliveryJson.Options)
                ?? throw new JsonException("the file is empty.");
            Use(snapshot);
            LogLastGoodLoaded(_logger, snapshot.ReadAt);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or UmbracoContentException or IOException)
        {
            LogLastGoodUnreadable(_logger, _lastGoodFile, exception.Message);
            return false;
        }
    }

    /// <summary>
    /// Reads everything below the start item again. On success the new content is served (and kept in the file);
    /// on failure the last good content stays and <see cref="Problem"/> says why. Returns whether it succeeded.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var startItem = _options.Value.StartItem;
            var root = await _client.GetItemAsync(Guid.TryParse(startItem, out _) ? startItem : "/", cancellationToken)
                ?? throw new UmbracoUnavailableException($"Umbraco has no published start item '{startItem}' (Content:Umbraco:StartItem).");
            var items = await _client.QueryAllAsync($"descendants:{startItem}", "sortOrder:asc", cancellationToken);
            var snapshot = new UmbracoSnapshot(_time.GetUtcNow(), root, items);
            var json = JsonSerializer.Serialize(snapshot, DeliveryJson.Options);
            var changed = Use(snapshot);
            Problem = null;
            if (changed)
            {
                Changed?.Invoke(this, EventArgs.Empty);
                try
                {
                    await KeepAsync(json, cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Served, but not kept: a restart during an outage would have nothing to serve.
                    Problem = $"the content could not be kept in {_lastGoodFile} ({exception.GetType().Name}).";
                    LogReadFailed(_logger, Problem);
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is UmbracoUnavailableException or UmbracoContentException)
        {
            Problem = exception.Message;
            LogReadFailed(_logger, exception.Message);
            return false;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Asks for a read as soon as possible (a publish webhook arrived); requests while one waits are one.</summary>
    public void RefreshSoon() => _requests.Writer.TryWrite(true);

    /// <summary>Waits until <paramref name="interval"/> has passed or <see cref="RefreshSoon"/> was called.</summary>
    internal async Task WaitForRefreshAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await _requests.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }
    }

    private bool Use(UmbracoSnapshot snapshot)
    {
        // Items only: the time of reading does not make content different.
        var content = JsonSerializer.Serialize(new { snapshot.Root, snapshot.Items }, DeliveryJson.Options);
        var pack = UmbracoContentMapper.Map(_pack.Id, snapshot.Root, snapshot.Items, _pack.Taxonomy);
        ReadAt = snapshot.ReadAt;
        if (content == _snapshot)
        {
            return false;
        }

        _snapshot = content;
        _current = pack;
        return true;
    }

    private async Task KeepAsync(string json, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(_lastGoodFile)!;
        Directory.CreateDirectory(folder);
        var temporary = $"{_lastGoodFile}.{Guid.NewGuid():N}.new";
        await File.WriteAllTextAsync(temporary, json, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, _lastGoodFile, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the content from Umbraco; the last good content stays: {Problem}")]
    private static partial void LogReadFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the Umbraco content kept from {ReadAt:u} until Umbraco answers")]
    private static partial void LogLastGoodLoaded(ILogger logger, DateTimeOffset readAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kept Umbraco content in {File} could not be used: {Problem}")]
    private static partial void LogLastGoodUnreadable(ILogger logger, string file, string problem);
}

/// <summary>What was read from Umbraco, as kept in the file: the start item and everything below it.</summary>
internal sealed record UmbracoSnapshot(DateTimeOffset ReadAt, DeliveryItem Root, IReadOnlyList<DeliveryItem> Items);
