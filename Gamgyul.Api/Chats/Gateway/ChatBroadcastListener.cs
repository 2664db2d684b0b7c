using Gamgyul.Messaging;
using Gamgyul.Messaging.Chat;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// This node's broadcast subscription to the chat topic: every node reads every chat event and delivers it to the
/// sockets it holds of the room's members, so a message sent through one Api instance reaches members connected to
/// any other. The subscription is made before the server takes requests, so no socket of this node can miss a message
/// published after it connected.
/// </summary>
public sealed partial class ChatBroadcastListener(IMessageBus bus, RoomDirectory rooms, ChatConnections connections,
    ILogger<ChatBroadcastListener> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxAcknowledgementBatch = 256;

    private readonly CancellationTokenSource _stopping = new();
    private IMessageConsumer? _consumer;
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _consumer = await bus.SubscribeAsync(Topics.ChatMessages,
                new SubscriptionOptions { Name = "chat-gateway", Kind = SubscriptionKind.Broadcast, PrefetchCount = 1000 },
                cancellationToken);
        }
        catch (MessageBusException e)
        {
            // The node still serves REST; the loop keeps trying to subscribe.
            LogSubscribeFailed(logger, e.Message);
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // While Redis is still connected: the node's broadcast group is removed at once.
        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                _consumer ??= await bus.SubscribeAsync(Topics.ChatMessages,
                    new SubscriptionOptions { Name = "chat-gateway", Kind = SubscriptionKind.Broadcast, PrefetchCount = 1000 }, stopping);
                var delivered = new List<ReceivedMessage>(MaxAcknowledgementBatch);
                while (!stopping.IsCancellationRequested)
                {
                    var next = _consumer.ReceiveAsync(stopping);
                    // Acknowledged together once the backlog is drained (or the batch is full): one broker call
                    // for many messages. Not awaited: the acknowledgement only tidies this node's group.
                    if (delivered.Count > 0 && (!next.IsCompleted || delivered.Count == MaxAcknowledgementBatch))
                    {
                        _ = AcknowledgeAsync(_consumer, [.. delivered]);
                        delivered.Clear();
                    }

                    var message = await next;
                    try
                    {
                        await DispatchAsync(message, stopping);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogDispatchFailed(logger, message.MessageId, e.Message);
                    }

                    delivered.Add(message);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSubscribeFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 << Math.Min(++failures, 6))), stopping)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DispatchAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        switch (message.Header(MessageHeaders.EventType))
        {
            case ChatEventTypes.Message:
            {
                var chat = message.ReadJson<ChatMessageEvent>();
                await DeliverAsync(chat.RoomId, ChatFrames.MessageNew(chat), except: null, cancellationToken);
                break;
            }

            case ChatEventTypes.RoomChanged:
            {
                var change = message.ReadJson<ChatRoomChangedEvent>();
                rooms.Invalidate(change.RoomId);
                var frame = ChatFrames.RoomUpdated(change);
                foreach (var user in change.UserIds)
                {
                    connections.Send(user, frame);
                }

                break;
            }

            case ChatEventTypes.Read:
            case ChatEventTypes.Typing:
            {
                var signal = message.ReadJson<ChatSignalEvent>();
                var type = message.Header(MessageHeaders.EventType) == ChatEventTypes.Read ? "read" : "typing";
                await DeliverAsync(signal.RoomId, ChatFrames.Signal(type, signal), except: signal.User.Id, cancellationToken);
                break;
            }
        }
    }

    /// <summary>To this node's sockets of the room's current members.</summary>
    private async Task DeliverAsync(Guid roomId, byte[] frame, Guid? except, CancellationToken cancellationToken)
    {
        if (await rooms.GetAsync(roomId, cancellationToken) is not { } room)
        {
            return;
        }

        foreach (var member in room.Members)
        {
            if (member != except)
            {
                connections.Send(member, frame);
            }
        }
    }

    private async Task AcknowledgeAsync(IMessageConsumer consumer, List<ReceivedMessage> messages)
    {
        try
        {
            await consumer.AcknowledgeAsync(messages);
        }
        catch (Exception e)
        {
            LogAckFailed(logger, messages.Count, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat broadcast subscription failed: {Error}; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering chat event {MessageId} failed: {Error}")]
    private static partial void LogDispatchFailed(ILogger logger, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging {Count} chat event(s) failed: {Error}")]
    private static partial void LogAckFailed(ILogger logger, int count, string error);
}
