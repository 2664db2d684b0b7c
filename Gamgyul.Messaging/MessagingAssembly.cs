namespace Gamgyul.Messaging;

/// <summary>The message bus contract, its Pulsar, Redis Streams and in-memory adapters, and the outbox relay.</summary>
internal static class MessagingAssembly;
