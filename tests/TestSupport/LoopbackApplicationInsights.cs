using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QualityVoice.TestSupport;

/// <summary>
/// Application Insights' ingestion endpoint on loopback, as the Azure Monitor exporter sends to it: <c>POST
/// /v2.1/track</c> with newline-delimited JSON telemetry items (gzip-compressed), answered with the count of items
/// received and accepted. Anything else the exporter calls (live metrics) is answered 200 and not kept. A test gives
/// apps <see cref="ConnectionString"/> and reads what they sent.
/// </summary>
public sealed class LoopbackApplicationInsights : IAsyncDisposable
{
    /// <summary>The instrumentation key in <see cref="ConnectionString"/>.</summary>
    public const string InstrumentationKey = "00000000-0000-4000-8000-000000000001";

    private readonly ConcurrentQueue<string> _items = new();
    private LoopbackServer _server = null!;

    /// <summary>The connection string to give <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.</summary>
    public string ConnectionString =>
        $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={_server.Address};LiveEndpoint={_server.Address}";

    /// <summary>Every telemetry item received, one JSON document each.</summary>
    public IReadOnlyList<string> Items => [.. _items];

    /// <summary>Starts the endpoint.</summary>
    public static async Task<LoopbackApplicationInsights> StartAsync()
    {
        var insights = new LoopbackApplicationInsights();
        insights._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v2.1/track", insights.TrackAsync);
            app.MapFallback(() => Results.Ok());
        });
        return insights;
    }

    /// <summary>Waits, up to 30 seconds, for an item that holds <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string text)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (_items.Any(item => item.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No telemetry item held '{text}' within 30 seconds ({_items.Count} items received).");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> TrackAsync(HttpRequest request)
    {
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(request.Body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            _items.Enqueue(line);
        }

        return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
    }
}
