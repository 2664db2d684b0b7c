namespace Gamgyul.Api.Chats;

/// <summary>The body of <c>POST /chats/rooms/{uuid}/read/</c>: the newest message the caller has read.</summary>
public sealed record ReadRequest(Guid? MessageId);
