using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Gamgyul.Api.Search;

/// <summary>
/// The position in a relevance-ordered result list. Relevance has no keyset, so the cursor is an offset into the
/// fused ranking (which is deterministic for the same query and data); it stays opaque to clients.
/// </summary>
public static class SearchCursor
{
    private const byte Version = 1;

    public static string Encode(int offset)
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..], offset);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>False for anything this API did not issue (the caller answers 400).</summary>
    public static bool TryDecode(string? cursor, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var bytes = cursor.Length <= 16 ? WebEncoders.Base64UrlDecode(cursor) : [];
            if (bytes.Length != 5 || bytes[0] != Version)
            {
                return false;
            }

            offset = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1));
            return offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
