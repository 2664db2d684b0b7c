using System.Security.Claims;
using System.Text;
using Gamgyul.Data.Entities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gamgyul.Api.Accounts;

/// <summary>
/// Issues short-lived access JWTs. The subject is the immutable user id, never the handle, so a handle
/// change keeps every token valid.
/// </summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(User user, IEnumerable<string> roles) => IssueToken(user, roles).Token;

    public IssuedAccessToken IssueToken(User user, IEnumerable<string> roles)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(settings.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            // Lets the API refuse tokens issued before a password change or account deletion.
            new(GamgyulClaims.SecurityStamp, user.SecurityStamp ?? string.Empty),
        };
        claims.AddRange(roles.Select(role => new Claim(GamgyulClaims.Role, role)));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedAccessToken(token, expires);
    }

    public static SymmetricSecurityKey SigningKey(JwtOptions settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey));
}
