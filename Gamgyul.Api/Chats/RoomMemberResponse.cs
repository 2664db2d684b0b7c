using Gamgyul.Api.Social;
using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Chats;

public sealed record RoomMemberResponse(UserSummaryResponse User, ChatMemberRole Role, DateTimeOffset JoinedAt);
