namespace Gamgyul.Data.Entities;

/// <summary>
/// One issued refresh token. Only its hash is stored. Rotation links tokens into a family so that the
/// re-use of a rotated token can revoke every token descended from the same sign-in.
/// </summary>
public class RefreshToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? ReplacedById { get; set; }
}
