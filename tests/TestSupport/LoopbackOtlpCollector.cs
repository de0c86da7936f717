using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QualityVoice.TestSupport;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on loopback (<c>POST /v1/traces</c>, <c>/v1/metrics</c>,
/// <c>/v1/logs</c>, protobuf bodies), keeping every export it is sent, so that a test can see what an app exports and
/// what it never does.
/// </summary>
public sealed class LoopbackOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();
    private LoopbackServer _server = null!;

    /// <summary>The endpoint to give <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint => _server.Address;

    /// <summary>Starts the receiver.</summary>
    public static async Task<LoopbackOtlpCollector> StartAsync()
    {
        var collector = new LoopbackOtlpCollector();
        collector._server = await LoopbackServer.StartAsync(app =>
        {
            foreach (var signal in new[] { "traces", "metrics", "logs" })
            {
                app.MapPost($"/v1/{signal}", async (HttpRequest request) =>
                {
                    if (request.ContentType != "application/x-protobuf")
                    {
                        return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
                    }

                    using var body = new MemoryStream();
                    await request.Body.CopyToAsync(body);
                    collector._exports.Enqueue((signal, body.ToArray()));

                    // An empty ExportTraceServiceResponse (and the others) is an empty protobuf message.
                    return Results.Bytes([], "application/x-protobuf");
                });
            }
        });
        return collector;
    }

    /// <summary>Whether any export of <paramref name="signal"/> holds <paramref name="text"/> (names and string values are UTF-8 in protobuf).</summary>
    public bool Holds(string signal, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _exports.Any(export => export.Signal == signal && export.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>Whether any export of any signal holds <paramref name="text"/>.</summary>
    public bool HoldsAnywhere(string text) => new[] { "traces", "metrics", "logs" }.Any(signal => Holds(signal, text));

    /// <summary>Waits, up to 30 seconds, until an export of <paramref name="signal"/> holds <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string signal, string text)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (Holds(signal, text))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {signal} export held '{text}' within 30 seconds ({_exports.Count} exports received).");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
