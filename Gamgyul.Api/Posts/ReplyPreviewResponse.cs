using Gamgyul.Api.Social;

namespace Gamgyul.Api.Posts;

/// <summary>The first reply of a previewed comment; the replier's public fields only (the original leaked the e-mail).</summary>
public sealed record ReplyPreviewResponse(Guid Uuid, string Content, UserSummaryResponse User, int LikesCount, DateTimeOffset CreatedAt);
