using System.Security.Claims;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Social;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging;
using Gamgyul.Messaging.Chat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

internal static class MessageHandlers
{
    private const int DefaultPageSize = 50;

    /// <summary>
    /// A room's history, for members only. Newest first by default; with <c>?after={message id}</c>, the messages
    /// after that one oldest first, for catching up after a reconnect. Both follow <c>next</c> links.
    /// </summary>
    public static async Task<IResult> HistoryAsync(Guid roomUuid, ClaimsPrincipal user, HttpRequest request,
        GamgyulDbContext db, ChatRoomQueries queries, Media.MediaAttachments media, [FromQuery] string? cursor, [FromQuery] Guid? after,
        [FromQuery(Name = "page_size")] int? pageSize, CancellationToken cancellationToken)
    {
        if (!CursorPageRequest.TryParse(cursor, pageSize, DefaultPageSize, out var page))
        {
            return CursorPageRequest.InvalidCursor();
        }

        var me = user.GetUserId();
        if (!await queries.IsMemberAsync(roomUuid, me, cancellationToken))
        {
            return Problems.NotFound("Chat room not found.");
        }

        var messages = db.ChatMessages.Where(m => m.RoomId == roomUuid && (m.Status == ContentStatus.Published || m.SenderId == me));
        var newestFirst = after is null;
        if (after is { } afterId && page.Position is null)
        {
            var from = await db.ChatMessages.Where(m => m.Id == afterId && m.RoomId == roomUuid)
                .Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (from is null)
            {
                return Problems.Invalid("after", "No such message in this room.");
            }

            page = page with { Position = new KeysetCursor(from.Value, afterId) };
        }

        var rows = await ChatMessageQueries.Messages(db, messages.KeysetPage(page, m => m.CreatedAt, m => m.Id, newestFirst))
            .ToListAsync(cancellationToken);
        rows = await rows.WithImagesAsync(media, cancellationToken);
        return TypedResults.Ok(rows.ToPage(page, request, m => new KeysetCursor(m.CreatedAt, m.Id)));
    }

    /// <summary>Moves the caller's read pointer to the message (never backwards) and tells the room's other sockets.</summary>
    public static async Task<IResult> ReadAsync(Guid uuid, ReadRequest request, ClaimsPrincipal user, GamgyulDbContext db,
        ChatRoomQueries queries, ChatNotifier notifier, ChatUsers users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.GetUserId();
        var outcome = await ReadPointer.MoveAsync(db, uuid, me, request.MessageId!.Value, cancellationToken);
        switch (outcome)
        {
            case ReadPointer.Outcome.NotMember:
                return Problems.NotFound("Chat room not found.");
            case ReadPointer.Outcome.UnknownMessage:
                return Problems.Invalid("message_id", "No such message in this room.");
            case ReadPointer.Outcome.Moved:
                try
                {
                    var sender = await ChatSenders.LoadAsync(db, me, cancellationToken);
                    await notifier.PublishSignalAsync(ChatEventTypes.Read,
                        new ChatSignalEvent(uuid, sender, request.MessageId, clock.GetUtcNow()), cancellationToken);
                }
                catch (MessageBusException)
                {
                    // The pointer is stored; live read receipts are a courtesy.
                }

                break;
        }

        return TypedResults.Ok(await queries.GetAsync(me, uuid, cancellationToken));
    }
}
