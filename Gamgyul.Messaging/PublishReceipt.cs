namespace Gamgyul.Messaging;

/// <summary>Proof that the broker stored a published message, with the id it gave the message.</summary>
public sealed record PublishReceipt(string Topic, string MessageId);
