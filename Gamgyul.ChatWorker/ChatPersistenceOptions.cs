namespace Gamgyul.ChatWorker;

/// <summary>The <c>ChatWorker</c> configuration section.</summary>
public sealed class ChatPersistenceOptions
{
    public const string SectionName = "ChatWorker";

    /// <summary>The durable subscription shared by every ChatWorker instance.</summary>
    public string Subscription { get; set; } = "chat-worker";

    /// <summary>Most messages stored in one transaction (whatever has arrived, up to this many).</summary>
    public int BatchSize { get; set; } = 200;
}
