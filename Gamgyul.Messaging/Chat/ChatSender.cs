namespace Gamgyul.Messaging.Chat;

/// <summary>The public face of a message's author, carried in the event so that no node has to look it up.</summary>
public sealed record ChatSender(Guid Id, string Handle, string Username, string ProfileImage);
