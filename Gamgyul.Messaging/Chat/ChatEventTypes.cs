namespace Gamgyul.Messaging.Chat;

/// <summary>
/// The <c>event-type</c> header values on <see cref="Topics.ChatMessages"/>. Every event is keyed by its room, so
/// each consumer sees a room's events in the order they were published.
/// </summary>
public static class ChatEventTypes
{
    /// <summary>A message (members' or system): delivered live by the Api nodes, stored by the ChatWorker.</summary>
    public const string Message = "chat.message";

    /// <summary>A room's name, members or existence changed: Api nodes drop their cached view of it.</summary>
    public const string RoomChanged = "chat.room";

    /// <summary>A member moved their read pointer.</summary>
    public const string Read = "chat.read";

    /// <summary>A member is typing (never stored).</summary>
    public const string Typing = "chat.typing";
}
