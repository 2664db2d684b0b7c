using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

/// <summary>The body of <c>PUT /chats/settings/</c>.</summary>
public sealed record ChatSettingsRequest(ChatPermission? WhoCanMessage);
