using Gamgyul.Api.Social;

namespace Gamgyul.Api.Chats;

public sealed record BlockResponse(UserSummaryResponse User, DateTimeOffset CreatedAt);
