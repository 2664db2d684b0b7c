using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.WebUtilities;

namespace Gamgyul.Api.Feed;

/// <summary>A position in the cold-start feed, which is ordered by (score, created_at, id), all descending.</summary>
public readonly record struct RankCursor(int Score, DateTimeOffset CreatedAt, Guid Id)
{
    public const char Prefix = 'c';

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[28];
        BinaryPrimitives.WriteInt32BigEndian(bytes, Score);
        BinaryPrimitives.WriteInt64BigEndian(bytes[4..], CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[12..], bigEndian: true, out _);
        return Prefix + WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string value, [NotNullWhen(true)] out RankCursor? cursor)
    {
        cursor = null;
        if (value.Length is < 2 or > 64 || value[0] != Prefix)
        {
            return false;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(value[1..]);
            if (bytes.Length != 28)
            {
                return false;
            }

            var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(4));
            if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            cursor = new RankCursor(BinaryPrimitives.ReadInt32BigEndian(bytes), new DateTimeOffset(ticks, TimeSpan.Zero),
                new Guid(bytes.AsSpan(12), bigEndian: true));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
