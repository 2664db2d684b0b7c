using System.ComponentModel.DataAnnotations;

namespace Gamgyul.Api.Accounts;

/// <summary>The <c>Jwt</c> configuration section: how access and refresh tokens are issued.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "gamgyul";
    public string Audience { get; set; } = "gamgyul";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8. Required outside Development.</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = string.Empty;

    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 30;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 7;
}
