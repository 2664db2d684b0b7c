namespace Gamgyul.Messaging.Pulsar;

/// <summary>Pulsar subscription types (the WebSocket API's <c>subscriptionType</c> parameter).</summary>
public enum PulsarSubscriptionType
{
    /// <summary>One consumer per subscription.</summary>
    Exclusive,

    /// <summary>Round-robin over consumers; no ordering.</summary>
    Shared,

    /// <summary>Many consumers attach; one at a time receives.</summary>
    Failover,

    /// <summary>Messages with the same key go to the same consumer: competing consumers that keep per-key order.</summary>
    KeyShared,
}
