namespace Gamgyul.Messaging.Pulsar;

/// <summary>The connection dropped while a send waited for its receipt: the send is retried on a new one.</summary>
internal sealed class PulsarConnectionLostException(string message) : Exception(message);
