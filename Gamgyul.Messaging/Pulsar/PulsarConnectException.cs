using System.Net;

namespace Gamgyul.Messaging.Pulsar;

/// <summary>A WebSocket handshake with Pulsar failed (refused with an HTTP status, or the host was unreachable).</summary>
internal sealed class PulsarConnectException(Uri uri, HttpStatusCode status, Exception inner)
    : MessageBusException(Describe(uri, status, inner), inner)
{
    /// <summary>The handshake's HTTP status (0 when no HTTP answer came back).</summary>
    public HttpStatusCode Status { get; } = status;

    private static string Describe(Uri uri, HttpStatusCode status, Exception inner)
    {
        var where = uri.GetLeftPart(UriPartial.Path);
        return status switch
        {
            HttpStatusCode.Unauthorized => $"Pulsar refused the token for {where} (401).",
            HttpStatusCode.Forbidden => $"The token is not authorised for {where} (403).",
            0 => $"Could not reach Pulsar at {where}: {inner.Message}",
            _ => $"Pulsar refused {where} with HTTP {(int)status}.",
        };
    }
}
