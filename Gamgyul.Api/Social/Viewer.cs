using System.Security.Claims;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;

namespace Gamgyul.Api.Social;

/// <summary>Who is asking: decides <c>is_liked</c> and whether hidden content is shown (to its author and admins).</summary>
public sealed record Viewer(Guid? Id, bool IsAdmin)
{
    public static Viewer Anonymous { get; } = new(null, false);

    public static Viewer From(ClaimsPrincipal user) => new(user.FindUserId(), user.IsInRole(Roles.Admin));

    /// <summary>May this viewer change or delete something owned by <paramref name="ownerId"/>?</summary>
    public bool CanManage(Guid ownerId) => IsAdmin || Id == ownerId;
}
