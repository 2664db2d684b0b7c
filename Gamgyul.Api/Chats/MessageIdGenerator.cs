using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Gamgyul.Api.Chats;

/// <summary>
/// Time-ordered message ids (UUIDv7, RFC 9562) that also order messages made within one millisecond on this node:
/// the 12 <c>rand_a</c> bits are a counter (RFC 9562 method 1), so a sender's consecutive messages keep their order
/// in history. The creation time handed out is the id's own millisecond, so ordering by (created_at, id) and by id
/// agree.
/// </summary>
public sealed class MessageIdGenerator(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private long _lastMs;
    private int _counter;

    public (Guid Id, DateTimeOffset CreatedAt) Next()
    {
        long ms;
        int counter;
        lock (_lock)
        {
            ms = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (ms <= _lastMs)
            {
                ms = _lastMs;
                if (++_counter > 0xFFF)
                {
                    ms++;
                    _counter = 0;
                }
            }
            else
            {
                // Start low in the range so that a burst within the millisecond has room to count up.
                _counter = RandomNumberGenerator.GetInt32(0x400);
            }

            _lastMs = ms;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return (new Guid(bytes, bigEndian: true), DateTimeOffset.FromUnixTimeMilliseconds(ms));
    }
}
