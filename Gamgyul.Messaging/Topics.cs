namespace Gamgyul.Messaging;

/// <summary>The bus topics Gamgyul uses. Adapters map these short names onto broker names.</summary>
public static class Topics
{
    /// <summary>Chat messages, keyed by room id: the Api publishes, Api nodes (broadcast) and the ChatWorker consume.</summary>
    public const string ChatMessages = "chat-messages";

    /// <summary>Integration events from the outbox, keyed by aggregate id: the SearchIndexer consumes.</summary>
    public const string ContentEvents = "content-events";

    /// <summary>Every topic, for adapters that create topics up front.</summary>
    public static IReadOnlyList<string> All { get; } = [ChatMessages, ContentEvents];

    internal static void Validate(string topic)
    {
        if (string.IsNullOrWhiteSpace(topic) || !topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Topic name '{topic}' must be non-empty and use only letters, digits, '-', '_' and '.'.");
        }
    }
}
