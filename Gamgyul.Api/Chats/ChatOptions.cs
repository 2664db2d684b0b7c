namespace Gamgyul.Api.Chats;

/// <summary>The <c>Chat</c> configuration section: limits of rooms and of the WebSocket gateway.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Longest message text, in characters.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Largest client frame, in bytes; a bigger frame is answered with an error frame and dropped.</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024;

    /// <summary>Most members a group room may have.</summary>
    public int MaxRoomMembers { get; set; } = 100;

    /// <summary>Sustained messages per second one user may send (over all their sockets).</summary>
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>Burst allowance on top of <see cref="MessagesPerSecond"/>.</summary>
    public int MessageBurst { get; set; } = 40;

    /// <summary>How often the server pings an idle socket.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A socket whose peer does not answer a ping within this is closed.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Frames waiting to be written to one slow socket before it is closed (it fell too far behind).</summary>
    public int SendQueueLimit { get; set; } = 1000;

    /// <summary>
    /// Browser origins allowed to open a socket; empty means the CORS origins (<c>Api:Cors:AllowedOrigins</c>).
    /// <c>*</c> allows any. Clients that send no Origin (non-browser) are allowed.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
