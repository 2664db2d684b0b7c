using Gamgyul.Api.Chats.Gateway;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Reports;

namespace Gamgyul.Api.Chats;

public static class ChatEndpoints
{
    /// <summary>The gateway's paths: the new one and the original client's.</summary>
    public static readonly string[] GatewayPaths = ["/chats/ws", "/chats/t"];

    public static bool IsGatewayPath(PathString path) =>
        GatewayPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var chats = app.MapGroup("/chats").WithTags("Chats").RequireAuthorization();

        chats.MapGet("/rooms", RoomHandlers.ListAsync)
            .WithName("ListChatRooms")
            .WithSummary("The caller's rooms, most recent activity first, with last message, unread count and members");
        chats.MapPost("/rooms", RoomHandlers.CreateAsync)
            .WithName("CreateChatRoom")
            .WithSummary("Open the direct room with one user (reused if it exists) or create a group room")
            .RequireActiveWriter()
            .Validate<CreateRoomRequest>();
        chats.MapGet("/rooms/{uuid:guid}", RoomHandlers.GetAsync)
            .WithName("GetChatRoom")
            .WithSummary("One of the caller's rooms");
        chats.MapPatch("/rooms/{uuid:guid}", RoomChangeHandlers.UpdateAsync)
            .WithName("UpdateChatRoom")
            .WithSummary("Owner: rename the room, add or remove members")
            .RequireActiveWriter()
            .Validate<UpdateRoomRequest>();
        chats.MapDelete("/rooms/{uuid:guid}", RoomChangeHandlers.DeleteAsync)
            .WithName("DeleteChatRoom")
            .WithSummary("Owner: delete the room with its messages");
        chats.MapPost("/rooms/{uuid:guid}/read", MessageHandlers.ReadAsync)
            .WithName("MarkChatRoomRead")
            .WithSummary("Move the caller's read pointer forward to a message")
            .Validate<ReadRequest>();
        chats.MapDelete("/members/{roomUuid:guid}", RoomChangeHandlers.LeaveAsync)
            .WithName("LeaveChatRoom")
            .WithSummary("Leave a room; ownership passes to the longest-standing member");
        chats.MapGet("/messages/{roomUuid:guid}/messages", MessageHandlers.HistoryAsync)
            .WithName("ChatHistory")
            .WithSummary("Members only: messages newest first, or after a message (?after=) oldest first");

        chats.MapGet("/settings", PrivacyHandlers.GetSettingsAsync)
            .WithName("GetChatSettings")
            .WithSummary("Who may start a chat with the caller");
        chats.MapPut("/settings", PrivacyHandlers.PutSettingsAsync)
            .WithName("PutChatSettings")
            .WithSummary("Set who may start a chat with the caller: everyone, followers or nobody")
            .Validate<ChatSettingsRequest>();
        chats.MapGet("/blocks", PrivacyHandlers.ListBlocksAsync)
            .WithName("ListBlockedUsers")
            .WithSummary("Users the caller blocks");
        chats.MapPut("/blocks/{handle}", PrivacyHandlers.BlockAsync)
            .WithName("BlockUser")
            .WithSummary("Block a user: no chats either way");
        chats.MapDelete("/blocks/{handle}", PrivacyHandlers.UnblockAsync)
            .WithName("UnblockUser")
            .WithSummary("Lift a block");

        foreach (var path in GatewayPaths)
        {
            // Any method: WebSockets over HTTP/2 arrive as CONNECT. Unauthenticated handshakes are refused with 401.
            app.Map(path, ChatSocketEndpoint.HandleAsync)
                .RequireAuthorization()
                .WithTags("Chats")
                .ExcludeFromDescription();
        }

        return app;
    }
}
