using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Api.Media;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Media;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Chat;

/// <summary>
/// Chat messages with images, whole-system: uploads over real HTTP (file-system storage), real WebSockets on two Api
/// instances, the Redis Streams bus, the ChatWorker process and Postgres.
/// </summary>
public class ChatImageTests(ChatSystem system) : IClassFixture<ChatSystem>
{
    [Fact]
    public async Task A_chat_image_reaches_the_room_live_and_in_history_by_signed_urls_and_stays_private()
    {
        var a = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        var photo = await a.UploadImageAsync(TestImages.Jpeg(1600, 1200), "image/jpeg", purpose: "chat");
        await using var socketA = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), a.AccessToken);
        await using var socketB = await ChatSocket.ConnectAsync(system.NodeB.SocketUri(), b.AccessToken);

        // An image alone is a message; the display_url a client read is accepted like the id.
        await socketA.SendAsync(new { type = "message.send", room_id = room, images = new[] { photo.MediaId().ToString() }, client_msg_id = "img" });
        Assert.Equal("img", (await socketA.WaitForTypeAsync("message.ack")).GetProperty("client_msg_id").GetString());
        await socketA.SendAsync(new { type = "message.send", room_id = room, text = "제주 감귤 사진", images = new[] { photo.GetProperty("display_url").GetString() } });
        await socketA.WaitForTypeAsync("message.ack");

        var live = (await socketB.WaitForAsync(f => ChatSocket.IsMessage(f) && ChatSocket.Text(f) == "")).GetProperty("message");
        var liveUrl = Assert.Single(live.GetProperty("images").Strings());
        // The BlurHash and size come along, so a client shows the placeholder in the photo's shape until it loads.
        var placeholder = (await a.Client.GetJsonAsync($"/images/{photo.MediaId()}/")).GetProperty("placeholder").GetString();
        Assert.False(string.IsNullOrEmpty(placeholder));
        AssertImageDetails(live, liveUrl, placeholder!);
        Assert.Equal("RIFF"u8.ToArray(), (await MediaApi.DownloadAsync(liveUrl))[..4]);
        var withText = (await socketB.WaitForMessageAsync("제주 감귤 사진")).GetProperty("message");
        Assert.Single(withText.GetProperty("images").Strings());

        var history = await WaitForHistoryAsync(b, room, 2);
        Assert.Equal(["제주 감귤 사진", ""], history.Texts());
        foreach (var message in history)
        {
            var url = Assert.Single(message.GetProperty("images").Strings());
            AssertImageDetails(message, url, placeholder!);
            var bytes = await MediaApi.DownloadAsync(url);
            Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        }

        var listed = (await b.Client.GetJsonAsync("/chats/rooms/")).Results().Single(r => r.Uuid() == room);
        Assert.Single(listed.GetProperty("last_message").GetProperty("images").Strings());

        await using (var db = system.NodeA.CreateDbContext())
        {
            Assert.Equal(2, await db.ChatMessages.CountAsync(m => m.RoomId == room && m.MediaId == photo.MediaId()));
            Assert.NotNull((await db.Media.SingleAsync(m => m.Id == photo.MediaId())).AttachedAt);
        }

        // Chat images are not public: the stable display URL serves nobody but their owner, and they cannot be
        // moved into a post.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(photo.GetProperty("display_url").GetString())).StatusCode);
        var post = await a.Client.PostAsJsonAsync("/posts/p/", new { text = "공개", images = new[] { photo.MediaId().ToString() } });
        Assert.Contains("chat", (await post.ReadJsonAsync(HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_that_are_not_the_senders_ready_chat_uploads_are_refused_with_an_error_frame_and_change_nothing()
    {
        var a = await system.NodeA.CreateUserAsync();
        var b = await system.NodeA.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        var othersPhoto = await b.UploadImageAsync(TestImages.Jpeg(500, 400), "image/jpeg", purpose: "chat");
        var postPhoto = await a.UploadImageAsync(TestImages.Jpeg(500, 400), "image/jpeg", purpose: "post");
        var ownPhoto = await a.UploadImageAsync(TestImages.Jpeg(520, 400), "image/jpeg", purpose: "chat");
        var notUploaded = (await a.PresignAsync("image/jpeg", 1000, "chat")).MediaId();
        var truncated = await a.UploadImageAsync(TestImages.TruncatedJpeg(), "image/jpeg", purpose: "chat");
        Assert.Equal("failed", truncated.GetProperty("state").GetString());
        await using var socketA = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), a.AccessToken);
        await using var socketB = await ChatSocket.ConnectAsync(system.NodeB.SocketUri(), b.AccessToken);

        var refused = new (string What, object Images)[]
        {
            ("another user's", new[] { othersPhoto.MediaId().ToString() }),
            ("unknown", new[] { Guid.NewGuid().ToString() }),
            ("never uploaded", new[] { notUploaded.ToString() }),
            ("refused by the pipeline", new[] { truncated.MediaId().ToString() }),
            ("uploaded for a post", new[] { postPhoto.MediaId().ToString() }),
            ("two images", new[] { ownPhoto.MediaId().ToString(), ownPhoto.MediaId().ToString() }),
            ("a plain URL", new[] { "https://cdn.example.com/x.jpg" }),
        };
        foreach (var (what, images) in refused)
        {
            await socketA.SendAsync(new { type = "message.send", room_id = room, text = what, images, client_msg_id = what });
            var error = await socketA.WaitForAsync(f => f.GetProperty("type").GetString() is "error" or "message.ack");
            Assert.Equal("error", error.GetProperty("type").GetString());
            Assert.Equal(("invalid_image", what), (error.GetProperty("code").GetString(), error.GetProperty("client_msg_id").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
        }

        // A non-list is a bad frame; the socket stays open and a good message still goes through afterwards.
        await socketA.SendRawAsync($$"""{"type":"message.send","room_id":"{{room}}","text":"x","images":"{{ownPhoto.MediaId()}}"}""");
        Assert.Equal("bad_frame", (await socketA.WaitForTypeAsync("error")).GetProperty("code").GetString());
        await socketA.SendAsync(new { type = "message.send", room_id = room, text = "after the refusals" });
        await socketB.WaitForMessageAsync("after the refusals");

        var history = await WaitForHistoryAsync(a, room, 1);
        Assert.Equal(["after the refusals"], history.Texts());
        Assert.DoesNotContain(socketB.Received(), f => ChatSocket.IsMessage(f) && ChatSocket.Text(f) != "after the refusals");
        await using var db = system.NodeA.CreateDbContext();
        var ids = new[] { othersPhoto.MediaId(), postPhoto.MediaId(), ownPhoto.MediaId(), notUploaded, truncated.MediaId() };
        Assert.All(await db.Media.Where(m => ids.Contains(m.Id)).ToListAsync(), m => Assert.Null(m.AttachedAt));
        Assert.False(await db.ChatMessages.AnyAsync(m => m.RoomId == room && m.MediaId != null));
    }

    [Fact]
    public async Task The_images_of_a_deleted_room_are_swept_and_those_of_stored_messages_are_kept()
    {
        var owner = await system.NodeA.CreateUserAsync();
        var friend = await system.NodeA.CreateUserAsync();
        var room = (await owner.OpenRoomAsync([friend.Handle], name: "귤밭 모임")).Uuid();
        var photo = await owner.UploadImageAsync(TestImages.Jpeg(640, 480), "image/jpeg", purpose: "chat");
        await using var socket = await ChatSocket.ConnectAsync(system.NodeA.SocketUri(), owner.AccessToken);
        await socket.SendAsync(new { type = "message.send", room_id = room, text = "우리 귤", images = new[] { photo.MediaId().ToString() } });
        await socket.WaitForTypeAsync("message.ack");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await owner.HistoryAsync(room)).Any(m => m.GetProperty("images").GetArrayLength() == 1))
        {
            Assert.True(DateTime.UtcNow < deadline, "the ChatWorker did not store the message within a minute");
            await Task.Delay(100);
        }

        // Past Media:AbandonedAfter (one second) since the attach: a stored message keeps its image.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await SweepAsync();
        Assert.True(await MediaExistsAsync(photo.MediaId()));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/chats/rooms/{room}/")).StatusCode);
        await SweepAsync();
        Assert.False(await MediaExistsAsync(photo.MediaId()));
        Assert.DoesNotContain(photo.MediaId().ToString(),
            string.Join(' ', Directory.GetFiles(system.StorageRoot, "*", SearchOption.AllDirectories)), StringComparison.Ordinal);
    }

    private async Task SweepAsync()
    {
        using var scope = system.NodeA.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MediaSweeper>().SweepAsync(CancellationToken.None);
    }

    private async Task<bool> MediaExistsAsync(Guid id)
    {
        await using var db = system.NodeA.CreateDbContext();
        return await db.Media.AnyAsync(m => m.Id == id);
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

    private static void AssertImageDetails(JsonElement message, string url, string placeholder)
    {
        var detail = Assert.Single(message.GetProperty("image_details").EnumerateArray());
        Assert.Equal(url, detail.GetProperty("url").GetString());
        Assert.Equal(placeholder, detail.GetProperty("placeholder").GetString());
        Assert.Equal((1600, 1200), (detail.GetProperty("width").GetInt32(), detail.GetProperty("height").GetInt32()));
    }
}
