using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;

namespace Gamgyul.Tests.Chat;

/// <summary>Whole-system chat over real WebSockets, two Api instances, the Redis Streams bus, Postgres and the ChatWorker.</summary>
public class ChatGatewayTests(ChatSystem system) : IClassFixture<ChatSystem>
{
    [Fact]
    public async Task Two_members_on_different_instances_exchange_messages_and_history_has_exactly_them_in_order()
    {
        var a = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        await using var socketA = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), a.AccessToken);
        await using var socketB = await ChatSocket.ConnectAsync(system.NodeB.SocketUri("/chats/t"), b.AccessToken);

        var sent = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (from, text) = i % 2 == 0 ? (socketA, $"a says {i} 안녕") : (socketB, $"b says {i}");
            if (i % 4 == 1)
            {
                // The original client's shape: no type, no id of ours; any member id it sends is ignored.
                await from.SendAsync(new { message = new { room_id = room, text, member = 12345 } });
            }
            else
            {
                await from.SendAsync(new { type = "message.send", room_id = room, text, client_msg_id = $"c{i}" });
            }

            var ack = await from.WaitForTypeAsync("message.ack");
            Assert.Equal(room, ack.GetProperty("room_id").GetGuid());
            sent.Add(text);
        }

        foreach (var socket in new[] { socketA, socketB })
        {
            var received = new List<JsonElement>();
            foreach (var text in sent)
            {
                received.Add(await socket.WaitForMessageAsync(text));
            }

            var firstFromA = received[0].GetProperty("message");
            Assert.Equal(a.Handle, firstFromA.GetProperty("sender").GetProperty("handle").GetString());
            Assert.Equal(room, firstFromA.GetProperty("room_id").GetGuid());
            Assert.Equal(b.Handle, received[1].GetProperty("message").GetProperty("sender").GetProperty("handle").GetString());
        }

        var history = await WaitForHistoryAsync(a, room, sent.Count);
        Assert.Equal(sent.AsEnumerable().Reverse(), history.Texts());
        Assert.Equal(a.Handle, history[^1].GetProperty("sender").GetProperty("handle").GetString());
        Assert.Equal(3, (await b.RoomAsync(room)).GetProperty("unread_count").GetInt32());
        Assert.Equal(sent[^1], (await b.RoomAsync(room)).GetProperty("last_message").GetProperty("text").GetString());

        // The read frame moves b's pointer: a's unread goes to zero, and a is told.
        await socketB.SendAsync(new { type = "read", room_id = room, message_id = history[0].GetProperty("id").GetGuid() });
        var receipt = await socketA.WaitForTypeAsync("read");
        Assert.Equal(b.Handle, receipt.GetProperty("user").GetProperty("handle").GetString());
        Assert.Equal(0, (await b.RoomAsync(room)).GetProperty("unread_count").GetInt32());
    }

    [Fact]
    public async Task A_non_member_can_neither_send_to_nor_read_nor_hear_the_room()
    {
        var a = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var outsider = await system.NodeA.CreateUserAsync();
        var friend = await system.NodeA.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        var outsidersRoom = (await outsider.OpenRoomAsync([friend.Handle])).Uuid();
        await using var socketA = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), a.AccessToken);
        await using var socketOut = await ChatSocket.ConnectAsync(system.NodeB.SocketUri(), outsider.AccessToken);
        await using var socketFriend = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), friend.AccessToken);

        await socketOut.SendAsync(new { type = "message.send", room_id = room, text = "let me in", client_msg_id = "x" });
        var refused = await socketOut.WaitForTypeAsync("error");
        Assert.Equal(("not_member", "x"), (refused.GetProperty("code").GetString(), refused.GetProperty("client_msg_id").GetString()));
        await socketOut.SendAsync(new { type = "message.send", room_id = Guid.NewGuid(), text = "no such room" });
        Assert.Equal("not_member", (await socketOut.WaitForTypeAsync("error")).GetProperty("code").GetString());

        await socketA.SendAsync(new { type = "message.send", room_id = room, text = "private" });
        await socketA.WaitForTypeAsync("message.ack");
        // Published after a's message on the same topic: once the outsider's node delivers it, it has passed a's.
        await socketFriend.SendAsync(new { type = "message.send", room_id = outsidersRoom, text = "sentinel" });
        await socketOut.WaitForMessageAsync("sentinel");

        Assert.DoesNotContain(socketOut.Received(), f => ChatSocket.IsMessage(f) && f.GetProperty("message").GetProperty("room_id").GetGuid() == room);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/chats/messages/{room}/messages/")).StatusCode);
        var history = await WaitForHistoryAsync(a, room, 1);
        Assert.Equal(["private"], history.Texts());
    }

    [Fact]
    public async Task A_member_added_later_hears_the_room_without_reconnecting_and_leaving_stops_delivery_at_once()
    {
        var owner = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var late = await system.NodeA.CreateUserAsync();
        var friend = await system.NodeA.CreateUserAsync();
        var room = (await owner.OpenRoomAsync([b.Handle], name: "late joiners")).Uuid();
        var lateOwnRoom = (await late.OpenRoomAsync([friend.Handle])).Uuid();
        await using var socketOwner = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), owner.AccessToken);
        await using var socketLate = await ChatSocket.ConnectAsync(system.NodeB.SocketUri(), late.AccessToken);
        await using var socketFriend = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), friend.AccessToken);

        await (await owner.Client.PatchAsJsonAsync($"/chats/rooms/{room}/", new { add = new[] { late.Handle } })).ExpectAsync(HttpStatusCode.OK);
        var updated = await socketLate.WaitForTypeAsync("room.updated");
        Assert.Equal(room, updated.GetProperty("room_id").GetGuid());
        await socketLate.WaitForMessageAsync($"{late.Handle}님이 들어왔습니다.");

        await socketOwner.SendAsync(new { type = "message.send", room_id = room, text = "welcome" });
        await socketLate.WaitForMessageAsync("welcome");
        await socketLate.SendAsync(new { type = "message.send", room_id = room, text = "thanks" });
        await socketOwner.WaitForMessageAsync("thanks");

        using var lateOnB = ClientOn(system.NodeB, late);
        await (await lateOnB.DeleteAsync($"/chats/members/{room}/")).ExpectAsync(HttpStatusCode.NoContent);
        await socketOwner.SendAsync(new { type = "message.send", room_id = room, text = "after you left" });
        await socketOwner.WaitForMessageAsync("after you left");
        await socketFriend.SendAsync(new { type = "message.send", room_id = lateOwnRoom, text = "sentinel 2" });
        await socketLate.WaitForMessageAsync("sentinel 2");

        Assert.DoesNotContain(socketLate.Received(), f => ChatSocket.IsMessage(f) && ChatSocket.Text(f) == "after you left");
        await socketLate.SendAsync(new { type = "message.send", room_id = room, text = "still here?" });
        Assert.Equal("not_member", (await socketLate.WaitForTypeAsync("error")).GetProperty("code").GetString());
        // The leaver's own message stays in the room.
        var history = await WaitForHistoryAsync(owner, room, 6);
        Assert.Contains("thanks", history.Texts());
    }

    [Fact]
    public async Task The_handshake_needs_a_token_from_header_query_or_subprotocol_and_an_allowed_origin()
    {
        var user = await system.NodeA.CreateUserAsync();
        var uri = system.NodeA.SocketUri();

        Assert.Equal(401, await ChatSocket.RefusedStatusAsync(uri));
        Assert.Equal(401, await ChatSocket.RefusedStatusAsync(new Uri($"{uri}?access_token=not-a-token")));
        Assert.Equal(403, await ChatSocket.RefusedStatusAsync(uri, o =>
        {
            o.SetRequestHeader("Authorization", $"Bearer {user.AccessToken}");
            o.SetRequestHeader("Origin", "https://evil.example");
        }));

        await using (var byQuery = await ChatSocket.ConnectAsync(new Uri($"{uri}?access_token={user.AccessToken}"), null,
            o => o.SetRequestHeader("Origin", "https://app.gamgyul.test")))
        {
            await byQuery.SendAsync(new { type = "ping" });
            await byQuery.WaitForTypeAsync("pong");
        }

        await using var bySubprotocol = await ChatSocket.ConnectAsync(uri, null, o =>
        {
            o.AddSubProtocol("bearer");
            o.AddSubProtocol(user.AccessToken);
        });
        Assert.Equal("bearer", bySubprotocol.SubProtocol);
        await bySubprotocol.SendAsync(new { type = "ping" });
        await bySubprotocol.WaitForTypeAsync("pong");
    }

    [Fact]
    public async Task Bad_frames_and_limits_get_error_frames_and_the_socket_stays_open()
    {
        var a = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        await using var socket = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), a.AccessToken);

        async Task ExpectError(string code)
        {
            var error = await socket.WaitForTypeAsync("error");
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
        }

        await socket.SendRawAsync("{not json");
        await ExpectError("bad_frame");
        await socket.SendRawAsync("[1,2]");
        await ExpectError("bad_frame");
        await socket.SendAsync(new { type = "message.send", room_id = "not-a-uuid", text = "x" });
        await ExpectError("bad_frame");
        await socket.SendAsync(new { type = "message.send", room_id = room, text = "   " });
        await ExpectError("bad_frame");
        await socket.SendAsync(new { type = "dance" });
        await ExpectError("bad_frame");
        await socket.SendAsync(new { type = "message.send", room_id = room, text = new string('귤', 2001) });
        await ExpectError("text_too_long");
        await socket.SendRawAsync(JsonSerializer.Serialize(new { type = "ping", pad = new string('x', 20_000) }));
        await ExpectError("frame_too_large");

        // 40 in a burst, then 20 a second: a quick 150 must hit the limit, with an error frame, not a disconnect.
        for (var i = 0; i < 150; i++)
        {
            await socket.SendAsync(new { type = "message.send", room_id = room, text = $"burst {i}", client_msg_id = $"r{i}" });
        }

        await ExpectError("rate_limited");
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.SendAsync(new { type = "ping" });
        await socket.WaitForTypeAsync("pong");
    }

    [Fact]
    public async Task The_server_pings_and_closes_a_socket_whose_peer_stops_answering()
    {
        var user = await system.NodeA.CreateUserAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, system.NodeA.Port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var handshake = $"GET /chats/ws/ HTTP/1.1\r\nHost: 127.0.0.1:{system.NodeA.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {user.AccessToken}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));

        // Read everything the server sends, never answering: the 101, then ping frames (opcode 9), then the end.
        var received = new MemoryStream();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // The server aborted the connection (a reset): closed all the same.
        }

        var bytes = received.ToArray();
        var text = Encoding.ASCII.GetString(bytes);
        Assert.StartsWith("HTTP/1.1 101", text);
        var frames = bytes.AsSpan(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4);
        Assert.True(frames.Length >= 2, "the server sent no frame before closing");
        Assert.Equal(0x89, frames[0]); // FIN + ping
    }

    private static HttpClient ClientOn(ChatNodeFactory node, TestUser user)
    {
        var client = new HttpClient { BaseAddress = node.HttpBase };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    /// <summary>History once the ChatWorker has stored <paramref name="count"/> messages (it runs beside the Api).</summary>
    private static async Task<JsonElement[]> WaitForHistoryAsync(TestUser user, Guid room, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var history = await user.HistoryAsync(room);
            if (history.Length >= count || DateTime.UtcNow > deadline)
            {
                return history;
            }

            await Task.Delay(100);
        }
    }
}
