using System.Text.Json;
using System.Text.Json.Serialization;
using Gamgyul.Data.Entities;
using Gamgyul.Messaging;
using Gamgyul.Search.Vectors;

namespace Gamgyul.SearchIndexer.Indexing;

/// <summary>
/// Which index entries a content event concerns. Post and product events are keyed by the object's id; a
/// deleted account names its posts and products. Every other event (likes, follows, comments, reports) leaves
/// the index alone.
/// </summary>
public static class ContentEventRouter
{
    public static IReadOnlyList<VectorKey> AffectedKeys(ReceivedMessage message)
    {
        var type = message.Header(MessageHeaders.EventType) ?? string.Empty;
        switch (type)
        {
            case "post.created" or "post.updated" or "post.deleted":
                return Guid.TryParse(message.Key, out var post) ? [new VectorKey(SearchDocumentKind.Post, post)] : [];
            case "product.created" or "product.updated" or "product.deleted":
                return Guid.TryParse(message.Key, out var product) ? [new VectorKey(SearchDocumentKind.Product, product)] : [];
            case "user.created" or "user.updated":
                return Guid.TryParse(message.Key, out var user) ? [new VectorKey(SearchDocumentKind.User, user)] : [];
            case "user.deleted":
                var deleted = message.ReadJson<UserDeleted>();
                return
                [
                    new VectorKey(SearchDocumentKind.User, deleted.UserId),
                    .. (deleted.PostIds ?? []).Select(id => new VectorKey(SearchDocumentKind.Post, id)),
                    .. (deleted.ProductIds ?? []).Select(id => new VectorKey(SearchDocumentKind.Product, id)),
                ];
            default:
                return [];
        }
    }

    private sealed record UserDeleted(
        [property: JsonPropertyName("user_id")] Guid UserId,
        [property: JsonPropertyName("post_ids")] IReadOnlyList<Guid>? PostIds,
        [property: JsonPropertyName("product_ids")] IReadOnlyList<Guid>? ProductIds);

    /// <summary>True when the payload could not be read at all: retrying will not help.</summary>
    public static bool IsPoison(Exception exception) => exception is JsonException or NotSupportedException;
}
