using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Users;

/// <summary>The outbox payload of <c>user.created</c> and <c>user.updated</c>: the public fields the search indexer shows and matches.</summary>
public sealed record UserEvent(Guid UserId, string Handle, string Username, string Bio, string ProfileImage, bool IsPublic,
    DateTimeOffset OccurredAt)
{
    public static UserEvent From(User user, DateTimeOffset now) =>
        new(user.Id, user.UserName!, user.DisplayName, user.Profile.Bio, user.Profile.ProfileImageUrl, user.IsPublic, now);
}
