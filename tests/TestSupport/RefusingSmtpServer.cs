using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QualityVoice.TestSupport;

/// <summary>
/// An SMTP server on loopback that speaks RFC 5321 as far as the recipient and then refuses every one for good
/// (<c>550 5.1.1</c>, no such mailbox), as a real server does for an address that does not exist.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _refused;

    /// <summary>Starts listening.</summary>
    public RefusingSmtpServer()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many recipients it refused.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 refusing.example ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb == "RCPT")
                {
                    Interlocked.Increment(ref _refused);
                }

                await writer.WriteLineAsync(verb switch
                {
                    "EHLO" or "HELO" => "250 refusing.example",
                    "MAIL" => "250 2.1.0 Ok",
                    "RCPT" => "550 5.1.1 No such mailbox",
                    "RSET" or "NOOP" => "250 2.0.0 Ok",
                    "QUIT" => "221 2.0.0 Bye",
                    _ => "502 5.5.2 Not implemented",
                });
                if (verb == "QUIT")
                {
                    break;
                }
            }
        }
    }
}
