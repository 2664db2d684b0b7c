using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Api.Chats;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;

namespace Gamgyul.Tests.Chat;

/// <summary>Helpers for the chat REST endpoints.</summary>
internal static class ChatApi
{
    public static async Task<JsonElement> OpenRoomAsync(this TestUser user, string[] handles, string? name = null,
        HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await user.Client.PostAsJsonAsync("/chats/rooms/", new { handles, name })).ReadJsonAsync(expected);

    public static async Task<JsonElement[]> HistoryAsync(this TestUser user, Guid room, string query = "") =>
        (await user.Client.GetJsonAsync($"/chats/messages/{room}/messages/{query}")).Results();

    public static async Task<JsonElement> RoomAsync(this TestUser user, Guid room) =>
        await user.Client.GetJsonAsync($"/chats/rooms/{room}/");

    public static string[] Texts(this IEnumerable<JsonElement> messages) =>
        messages.Select(m => m.GetProperty("text").GetString()!).ToArray();

    public static string[] MemberHandles(this JsonElement room) =>
        room.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("user").GetProperty("handle").GetString()!).Order().ToArray();

    /// <summary>Stores a message the way the ChatWorker does (for REST tests that need history without sockets).</summary>
    public static async Task<Guid> StoreMessageAsync(this ApiFactory factory, Guid room, Guid sender, string text)
    {
        var (id, at) = factory.Services.GetRequiredService<MessageIdGenerator>().Next();
        await using var db = factory.CreateDbContext();
        db.ChatMessages.Add(new ChatMessage { Id = id, RoomId = room, SenderId = sender, Text = text, Kind = ChatMessageKind.Text, CreatedAt = at });
        var chatRoom = await db.ChatRooms.FindAsync(room);
        chatRoom!.LastMessageId = id;
        chatRoom.LastMessageAt = at;
        chatRoom.UpdatedAt = at;
        await db.SaveChangesAsync();
        return id;
    }
}
