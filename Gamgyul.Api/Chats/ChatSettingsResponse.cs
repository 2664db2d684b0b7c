using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

public sealed record ChatSettingsResponse(ChatPermission WhoCanMessage);
