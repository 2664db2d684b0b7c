using System.Text.Json.Serialization;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

/// <summary>
/// A message, in history and in <c>message.new</c> frames. <see cref="Sender"/> is null for system messages and
/// for authors whose account is gone. <c>room_id</c>, <c>text</c> and <c>created_at</c> are the original client's names.
/// </summary>
public sealed record ChatMessageResponse(
    Guid Id,
    Guid RoomId,
    ChatSenderResponse? Sender,
    ChatMessageKind Kind,
    string Text,
    DateTimeOffset CreatedAt)
{
    /// <summary>The attached upload; the client sees it only through <see cref="Images"/>.</summary>
    [JsonIgnore]
    public Guid? MediaId { get; init; }

    /// <summary>Short-lived signed URLs of the attached image (empty when there is none), like a post's <c>images</c>.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The same images with their BlurHash placeholders and sizes (<c>image_details</c>).</summary>
    public IReadOnlyList<ChatImageResponse> ImageDetails { get; init; } = [];
}
