using Gamgyul.Data;
using Gamgyul.Messaging.Chat;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gamgyul.ChatWorker;

/// <summary>
/// Stores chat messages idempotently and moves each room's last message forward, in one transaction. A message of a
/// room deleted meanwhile is dropped; a message whose author has left the room is kept (membership is checked when
/// it is sent, not when it is stored).
/// </summary>
internal sealed class ChatMessageStore(IServiceScopeFactory scopes)
{
    private const string Insert = """
        INSERT INTO chat_messages (id, room_id, sender_id, kind, text, media_id, status, created_at)
        SELECT @id, @room, (SELECT u.id FROM users u WHERE u.id = @sender), @kind, @text, @media, 'Published', @at
        WHERE EXISTS (SELECT 1 FROM chat_rooms r WHERE r.id = @room)
        ON CONFLICT (id) DO NOTHING
        """;

    // Only forward: a batch that arrives late (redelivered after a crash) never moves a room's last message back.
    private const string MoveLast = """
        UPDATE chat_rooms SET last_message_id = @id, last_message_at = @at, updated_at = GREATEST(updated_at, @at)
        WHERE id = @room AND (last_message_at IS NULL OR (last_message_at, last_message_id) < (@at, @id))
        """;

    public async Task StoreAsync(IReadOnlyList<ChatMessageEvent> messages, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GamgyulDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await db.Database.OpenConnectionAsync(token);
            try
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await using var transaction = await connection.BeginTransactionAsync(token);
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var message in messages)
                {
                    var command = new NpgsqlBatchCommand(Insert);
                    command.Parameters.AddWithValue("id", message.Id);
                    command.Parameters.AddWithValue("room", message.RoomId);
                    command.Parameters.AddWithValue("sender", (object?)message.Sender?.Id ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid;
                    command.Parameters.AddWithValue("kind", message.Kind == "system" ? "System" : "Text");
                    command.Parameters.AddWithValue("text", message.Text);
                    command.Parameters.AddWithValue("media", (object?)message.MediaId ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid;
                    command.Parameters.AddWithValue("at", message.CreatedAt.ToUniversalTime());
                    batch.BatchCommands.Add(command);
                }

                foreach (var last in messages.GroupBy(m => m.RoomId).Select(g => g.MaxBy(m => (m.CreatedAt, m.Id))!))
                {
                    var command = new NpgsqlBatchCommand(MoveLast);
                    command.Parameters.AddWithValue("id", last.Id);
                    command.Parameters.AddWithValue("room", last.RoomId);
                    command.Parameters.AddWithValue("at", last.CreatedAt.ToUniversalTime());
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(token);
                await transaction.CommitAsync(token);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }
}
