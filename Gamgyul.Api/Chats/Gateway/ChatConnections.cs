using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Gamgyul.Api.Chats.Gateway;

/// <summary>The sockets open on this node, by user: where the broadcast listener delivers.</summary>
public sealed class ChatConnections(SendRateLimiter rateLimiter)
{
    private readonly ConcurrentDictionary<Guid, ImmutableArray<ChatConnection>> _byUser = new();

    public int Count => _byUser.Values.Sum(c => c.Length);

    internal void Add(ChatConnection connection) =>
        _byUser.AddOrUpdate(connection.UserId, _ => [connection], (_, list) => list.Add(connection));

    internal void Remove(ChatConnection connection)
    {
        while (_byUser.TryGetValue(connection.UserId, out var list))
        {
            var rest = list.Remove(connection);
            if (rest.IsEmpty)
            {
                if (_byUser.TryRemove(new KeyValuePair<Guid, ImmutableArray<ChatConnection>>(connection.UserId, list)))
                {
                    rateLimiter.Forget(connection.UserId);
                    return;
                }
            }
            else if (_byUser.TryUpdate(connection.UserId, rest, list))
            {
                return;
            }
        }
    }

    /// <summary>Queues a frame on every socket of the user on this node (none: nothing to do).</summary>
    internal void Send(Guid userId, ReadOnlyMemory<byte> frame)
    {
        if (_byUser.TryGetValue(userId, out var list))
        {
            foreach (var connection in list)
            {
                connection.Enqueue(frame);
            }
        }
    }
}
