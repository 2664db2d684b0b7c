using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Gamgyul.Messaging;
using Gamgyul.Messaging.Chat;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>
/// One open socket of one user. The receive loop handles the client's frames one at a time; a single send loop
/// writes everything the socket gets (acks, errors, deliveries from the broadcast listener), because a WebSocket
/// allows one writer at a time. A socket that cannot keep up with its deliveries is closed rather than buffered
/// without bound.
/// </summary>
public sealed partial class ChatConnection
{
    private readonly WebSocket _socket;
    private readonly ChatSender _user;
    private readonly DateTimeOffset? _suspendedUntil;
    private readonly ChatOptions _options;
    private readonly RoomDirectory _rooms;
    private readonly ChatNotifier _notifier;
    private readonly MessageIdGenerator _ids;
    private readonly SendRateLimiter _rateLimiter;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<ReadOnlyMemory<byte>> _outbox;
    private readonly CancellationTokenSource _closing = new();
    private int _ended;

    internal ChatConnection(WebSocket socket, ChatSender user, DateTimeOffset? suspendedUntil, IServiceProvider services)
    {
        _socket = socket;
        _user = user;
        _suspendedUntil = suspendedUntil;
        _options = services.GetRequiredService<IOptions<ChatOptions>>().Value;
        _rooms = services.GetRequiredService<RoomDirectory>();
        _notifier = services.GetRequiredService<ChatNotifier>();
        _ids = services.GetRequiredService<MessageIdGenerator>();
        _rateLimiter = services.GetRequiredService<SendRateLimiter>();
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _clock = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILogger<ChatConnection>>();
        _outbox = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(_options.SendQueueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Guid UserId => _user.Id;

    /// <summary>Queues a frame; a socket whose queue is full has fallen behind and is closed.</summary>
    internal void Enqueue(ReadOnlyMemory<byte> frame)
    {
        // After the socket ended the queue is completed and refuses frames: that is not falling behind.
        if (!_outbox.Writer.TryWrite(frame) && !_closing.IsCancellationRequested && Volatile.Read(ref _ended) == 0)
        {
            LogTooSlow(_logger, _user.Handle);
            _closing.Cancel();
            _socket.Abort();
        }
    }

    internal async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closing.Token);
        var sending = SendLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(linked.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer went away, the keep-alive gave up on it, or the server is stopping.
        }
        finally
        {
            Volatile.Write(ref _ended, 1);
            _outbox.Writer.TryComplete();
            await sending;
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_options.MaxFrameBytes + 1);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                var tooLarge = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    var room = tooLarge || length >= _options.MaxFrameBytes + 1 ? buffer.AsMemory(0) : buffer.AsMemory(length);
                    result = await _socket.ReceiveAsync(room, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (!tooLarge)
                    {
                        length += result.Count;
                        tooLarge = length > _options.MaxFrameBytes;
                    }
                }
                while (!result.EndOfMessage);

                if (tooLarge)
                {
                    Enqueue(ChatFrames.Error("frame_too_large", $"A frame may have at most {_options.MaxFrameBytes} bytes."));
                }
                else if (result.MessageType != WebSocketMessageType.Text)
                {
                    Enqueue(ChatFrames.Error("bad_frame", "Frames are JSON text."));
                }
                else
                {
                    await HandleAsync(buffer.AsMemory(0, length), cancellationToken);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; the receive loop ends too.
            _socket.Abort();
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        var (frame, error) = ClientFrame.Parse(utf8.Span);
        if (frame is null)
        {
            Enqueue(ChatFrames.Error("bad_frame", error!));
            return;
        }

        try
        {
            switch (frame.Type)
            {
                case ClientFrame.Send:
                    await SendMessageAsync(frame, cancellationToken);
                    break;
                case ClientFrame.Read:
                    await ReadAsync(frame, cancellationToken);
                    break;
                case ClientFrame.Typing:
                    await TypingAsync(frame, cancellationToken);
                    break;
                case ClientFrame.Ping:
                    Enqueue(ChatFrames.Pong());
                    break;
                default:
                    Enqueue(ChatFrames.Error("bad_frame", $"Unknown frame type '{frame.Type}'."));
                    break;
            }
        }
        catch (MessageBusException e)
        {
            LogBusFailed(_logger, e.Message);
            Enqueue(ChatFrames.Error("unavailable", "The message could not be sent; try again.", frame.ClientMsgId));
        }
    }

    private async Task SendMessageAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        var clientMsgId = frame.ClientMsgId;
        if (clientMsgId is { Length: > 100 })
        {
            Enqueue(ChatFrames.Error("bad_frame", "client_msg_id has at most 100 characters."));
            return;
        }

        var hasImages = frame.Images is { Count: > 0 };
        if (frame.RoomId is not { } roomId || (string.IsNullOrWhiteSpace(frame.Text) && !hasImages))
        {
            Enqueue(ChatFrames.Error("bad_frame", "message.send needs room_id and a non-empty text or an image.", clientMsgId));
            return;
        }

        var text = frame.Text ?? string.Empty;
        if (text.Length > _options.MaxTextLength)
        {
            Enqueue(ChatFrames.Error("text_too_long", $"A message has at most {_options.MaxTextLength} characters.", clientMsgId));
            return;
        }

        if (_suspendedUntil is { } until && until > _clock.GetUtcNow())
        {
            Enqueue(ChatFrames.Error("suspended", $"Your account is suspended until {until:O}.", clientMsgId));
            return;
        }

        if (!_rateLimiter.TryTake(_user.Id))
        {
            Enqueue(ChatFrames.Error("rate_limited", $"At most {_options.MessagesPerSecond} messages per second.", clientMsgId));
            return;
        }

        if (await MemberRoomAsync(roomId, clientMsgId, cancellationToken) is not { } room)
        {
            return;
        }

        if (room.Blocked)
        {
            Enqueue(ChatFrames.Error("blocked", "You cannot message this user.", clientMsgId));
            return;
        }

        Media.ChatImageResolution? image = null;
        if (hasImages)
        {
            // Only messages with an image pay for a database round trip here; text messages keep the fast path.
            await using var scope = _scopes.CreateAsyncScope();
            image = await scope.ServiceProvider.GetRequiredService<Media.MediaAttachments>()
                .AttachChatImageAsync(_user.Id, frame.Images!, cancellationToken);
            if (image.Error is not null)
            {
                Enqueue(ChatFrames.Error("invalid_image", image.Error, clientMsgId));
                return;
            }
        }

        var (id, createdAt) = _ids.Next();
        var message = new ChatMessageEvent(id, roomId, _user, "text", text, createdAt, clientMsgId,
            image?.MediaId, image?.Image is { } shown ? [shown.Url] : null, image?.Image?.Placeholder, image?.Image?.Width,
            image?.Image?.Height);
        // The ack means the bus has stored the message: from here on it reaches the members and Postgres.
        await _notifier.PublishMessageAsync(message, cancellationToken);
        Enqueue(ChatFrames.Ack(clientMsgId, id, roomId, createdAt));
    }

    private async Task ReadAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        if (frame.RoomId is not { } roomId || frame.MessageId is not { } messageId)
        {
            Enqueue(ChatFrames.Error("bad_frame", "read needs room_id and message_id."));
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.GamgyulDbContext>();
        switch (await ReadPointer.MoveAsync(db, roomId, _user.Id, messageId, cancellationToken))
        {
            case ReadPointer.Outcome.NotMember:
                Enqueue(ChatFrames.Error("not_member", "You are not a member of this room."));
                break;
            case ReadPointer.Outcome.UnknownMessage:
                Enqueue(ChatFrames.Error("bad_frame", "No such message in this room."));
                break;
            case ReadPointer.Outcome.Moved:
                await _notifier.PublishSignalAsync(ChatEventTypes.Read,
                    new ChatSignalEvent(roomId, _user, messageId, _clock.GetUtcNow()), cancellationToken);
                break;
        }
    }

    private async Task TypingAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        if (frame.RoomId is not { } roomId)
        {
            Enqueue(ChatFrames.Error("bad_frame", "typing needs room_id."));
            return;
        }

        if (await MemberRoomAsync(roomId, null, cancellationToken) is not null)
        {
            await _notifier.PublishSignalAsync(ChatEventTypes.Typing,
                new ChatSignalEvent(roomId, _user, null, _clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>The room if the socket's user is a member now; otherwise an error frame (rooms that do not exist look the same).</summary>
    private async Task<RoomSnapshot?> MemberRoomAsync(Guid roomId, string? clientMsgId, CancellationToken cancellationToken)
    {
        var room = await _rooms.GetAsync(roomId, cancellationToken);
        if (room is null || !room.Members.Contains(_user.Id))
        {
            Enqueue(ChatFrames.Error("not_member", "You are not a member of this room.", clientMsgId));
            return null;
        }

        return room;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a chat socket of {Handle}: it fell too far behind its deliveries")]
    private static partial void LogTooSlow(ILogger logger, string handle);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing to the chat topic failed: {Error}")]
    private static partial void LogBusFailed(ILogger logger, string error);
}
