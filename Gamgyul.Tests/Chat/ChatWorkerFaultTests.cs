using System.Collections.Concurrent;
using Gamgyul.Tests.Infrastructure;
using Gamgyul.Tests.Social;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Chat;

/// <summary>
/// The ChatWorker is killed (SIGKILL, as a crash) while messages flow, then started again: every message whose sender
/// got <c>message.ack</c> is in Postgres exactly once. The worker is a real child process, so nothing of it survives
/// the kill: not its buffers, not its unacknowledged messages' in-memory state, not its Redis connection.
/// </summary>
public class ChatWorkerFaultTests : IAsyncLifetime
{
    private readonly ChatNodeFactory _node = new();

    // A dead consumer's messages are taken over after ClaimIdleTime; short here so the test does not wait 30 s.
    private static readonly Dictionary<string, string> WorkerSettings = new()
    {
        ["Bus__Redis__ClaimIdleTime"] = "00:00:03",
        ["Bus__Redis__SweepInterval"] = "00:00:01",
    };

    public async Task InitializeAsync()
    {
        _node.WithSetting("Chat:MessagesPerSecond", "100000").WithSetting("Chat:MessageBurst", "100000");
        await _node.InitializeAsync();
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_message_is_stored_exactly_once_across_a_worker_crash()
    {
        var a = await _node.CreateUserAsync();
        var b = await _node.CreateUserAsync();
        var room = (await a.OpenRoomAsync([b.Handle])).Uuid();
        await using var socket = await ChatSocket.ConnectAsync(_node.SocketUri(), a.AccessToken);
        var acked = new ConcurrentBag<Guid>();

        async Task SendAsync(int from, int count)
        {
            for (var i = from; i < from + count; i++)
            {
                await socket.SendAsync(new { type = "message.send", room_id = room, text = $"m{i}", client_msg_id = $"c{i}" });
            }

            for (var i = from; i < from + count; i++)
            {
                var ack = await socket.WaitForAsync(f => f.GetProperty("type").GetString() == "message.ack"
                    && f.GetProperty("client_msg_id").GetString() == $"c{i}");
                acked.Add(ack.GetProperty("id").GetGuid());
            }
        }

        using (var worker = await ChatWorkerProcess.StartAsync(_node.DatabaseConnectionString, _node.RedisConnectionString, WorkerSettings))
        {
            // Messages flow while the worker runs; it is killed in the middle of the stream.
            var flowing = SendAsync(0, 400);
            await WaitUntilAsync(async () => await StoredAsync() > 0, "the worker stored nothing before the kill");
            worker.Kill();
            await flowing;
        }

        await SendAsync(400, 100);
        var storedWhileDown = await StoredAsync();
        Assert.True(storedWhileDown < acked.Count, $"all {acked.Count} were stored before the crash; the test proves nothing");

        using (await ChatWorkerProcess.StartAsync(_node.DatabaseConnectionString, _node.RedisConnectionString, WorkerSettings))
        {
            await WaitUntilAsync(async () => await StoredAsync() >= acked.Count, "acknowledged messages are missing after the restart");
        }

        await using var db = _node.CreateDbContext();
        var stored = await db.ChatMessages.Where(m => m.RoomId == room).Select(m => m.Id).ToListAsync();
        Assert.Equal(500, acked.Count);
        Assert.Equal(acked.Order(), stored.Order());
        var texts = await db.ChatMessages.Where(m => m.RoomId == room).Select(m => m.Text).ToListAsync();
        Assert.Equal(500, texts.Distinct().Count());
        var roomRow = await db.ChatRooms.SingleAsync(r => r.Id == room);
        Assert.Equal("m499", await db.ChatMessages.Where(m => m.Id == roomRow.LastMessageId).Select(m => m.Text).SingleAsync());

        async Task<int> StoredAsync()
        {
            await using var count = _node.CreateDbContext();
            return await count.ChatMessages.CountAsync(m => m.RoomId == room);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
