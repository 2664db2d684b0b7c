using Gamgyul.Messaging;
using Gamgyul.Messaging.Chat;

namespace Gamgyul.Api.Chats;

/// <summary>
/// Tells every Api node (and the ChatWorker) about changes made through REST: system messages and room changes, on
/// the chat topic keyed by room. The database is already committed when this runs, so a bus failure is logged, not
/// thrown: history still has the messages, and other nodes' room views expire on their own.
/// </summary>
public sealed partial class ChatNotifier(IMessageBus bus, RoomDirectory rooms, ILogger<ChatNotifier> logger)
{
    public async Task RoomChangedAsync(Guid roomId, string change, IEnumerable<Guid> userIds, DateTimeOffset now,
        IEnumerable<ChatMessageEvent> systemMessages, CancellationToken cancellationToken)
    {
        rooms.Invalidate(roomId);
        try
        {
            // The change first: by the time a node routes the system message it already knows the new member list.
            await bus.PublishAsync(Topics.ChatMessages, OutgoingMessage.Json(roomId.ToString(),
                new ChatRoomChangedEvent(roomId, change, userIds.Distinct().ToList(), now),
                Headers(ChatEventTypes.RoomChanged, Guid.CreateVersion7())), cancellationToken);
            foreach (var message in systemMessages)
            {
                await PublishMessageAsync(message, cancellationToken);
            }
        }
        catch (MessageBusException e)
        {
            LogPublishFailed(logger, roomId, e.Message);
        }
    }

    /// <summary>Publishes a message; completes once the bus has stored it.</summary>
    public Task<PublishReceipt> PublishMessageAsync(ChatMessageEvent message, CancellationToken cancellationToken) =>
        bus.PublishAsync(Topics.ChatMessages, OutgoingMessage.Json(message.RoomId.ToString(), message,
            Headers(ChatEventTypes.Message, message.Id)), cancellationToken);

    public Task<PublishReceipt> PublishSignalAsync(string type, ChatSignalEvent signal, CancellationToken cancellationToken) =>
        bus.PublishAsync(Topics.ChatMessages, OutgoingMessage.Json(signal.RoomId.ToString(), signal,
            Headers(type, Guid.CreateVersion7())), cancellationToken);

    private static Dictionary<string, string> Headers(string type, Guid id) => new()
    {
        [MessageHeaders.EventType] = type,
        [MessageHeaders.EventId] = id.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Room {RoomId} changed but the chat topic could not be told: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Guid roomId, string error);
}
