namespace Gamgyul.Messaging;

/// <summary>How the messages of a topic are shared between the consumers of a subscription.</summary>
public enum SubscriptionKind
{
    /// <summary>
    /// Competing consumers: every message goes to one consumer of the named group, across all nodes, and the
    /// group's position survives restarts (the ChatWorker, the SearchIndexer).
    /// </summary>
    Durable,

    /// <summary>
    /// Every node gets every message published while it is subscribed (each Api node delivering chat messages to
    /// its own sockets). The subscription lives and dies with the node.
    /// </summary>
    Broadcast,
}
