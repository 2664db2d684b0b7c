using System.Security.Cryptography;
using System.Text;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Opaque refresh tokens: 256 random bits, of which only a SHA-256 hash is stored. Every use rotates the
/// token; a token that was already rotated or revoked and is presented again revokes its whole family
/// (every token descended from the same sign-in), because one of the two holders is a thief.
/// </summary>
public sealed class RefreshTokenService(
    GamgyulDbContext db,
    IOptions<JwtOptions> jwt,
    TimeProvider clock,
    ILogger<RefreshTokenService> logger)
{
    /// <summary>The longest string that can be a refresh token (longer input is refused unread).</summary>
    public const int MaxTokenLength = 128;

    /// <summary>Starts a new family for a fresh sign-in.</summary>
    public async Task<IssuedRefreshToken> IssueAsync(Guid userId, CancellationToken cancellationToken)
    {
        var (entity, token) = NewToken(userId, Guid.CreateVersion7());
        db.RefreshTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedRefreshToken(token, entity.ExpiresAt);
    }

    /// <summary>
    /// Exchanges <paramref name="token"/> for a new one of the same family. Null when the token is unknown,
    /// expired or revoked (and then, for a re-used token, the family is revoked).
    /// </summary>
    public async Task<RotatedRefreshToken?> RotateAsync(string token, CancellationToken cancellationToken)
    {
        var current = await FindAsync(token, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (current.RevokedAt is not null)
        {
            logger.LogWarning("Refresh token of family {Family} was re-used after rotation or revocation; revoking the family",
                current.FamilyId);
            await RevokeFamilyAsync(current.FamilyId, cancellationToken);
            return null;
        }

        if (current.ExpiresAt <= now)
        {
            return null;
        }

        // Claim the token with a conditional update first: of two concurrent rotations of the same token
        // only one can win; the loser is treated like a re-use.
        var (next, nextToken) = NewToken(current.UserId, current.FamilyId);
        var won = await db.RefreshTokens
            .Where(t => t.Id == current.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.ReplacedById, next.Id),
                cancellationToken);
        if (won != 1)
        {
            await RevokeFamilyAsync(current.FamilyId, cancellationToken);
            return null;
        }

        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        return new RotatedRefreshToken(current.UserId, new IssuedRefreshToken(nextToken, next.ExpiresAt));
    }

    /// <summary>The user of a token that is currently usable, or null.</summary>
    public async Task<Guid?> FindActiveUserAsync(string token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken);
        return found is { RevokedAt: null } && found.ExpiresAt > clock.GetUtcNow() ? found.UserId : null;
    }

    /// <summary>Revokes the token's whole family (logout). Unknown tokens are ignored.</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is { } found)
        {
            await RevokeFamilyAsync(found.FamilyId, cancellationToken);
        }
    }

    /// <summary>Revokes every token of the user (password change or reset, account deletion).</summary>
    public Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private async Task<RefreshToken?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = Hash(token);
        return await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    private (RefreshToken Entity, string Token) NewToken(Guid userId, Guid familyId)
    {
        var now = clock.GetUtcNow();
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(jwt.Value.RefreshTokenDays),
        };
        return (entity, token);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
