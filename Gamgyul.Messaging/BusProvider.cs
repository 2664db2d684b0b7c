namespace Gamgyul.Messaging;

/// <summary>Which broker the bus uses (<c>Bus:Provider</c>, case-insensitive).</summary>
public enum BusProvider
{
    /// <summary>Redis Streams on the "cache" connection string: local mode and small deployments.</summary>
    Redis,

    /// <summary>Apache Pulsar through its WebSocket and admin REST APIs (<c>Pulsar:*</c> settings).</summary>
    Pulsar,

    /// <summary>In-process only: unit tests of logic. Nothing crosses process boundaries.</summary>
    InMemory,
}
