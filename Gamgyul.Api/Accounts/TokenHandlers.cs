using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gamgyul.Api.Accounts;

internal static class TokenHandlers
{
    public static async Task<Results<Ok<TokenPairResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest? request,
        HttpRequest http,
        RefreshTokenService refreshTokens,
        UserManager<User> users,
        SessionIssuer sessions,
        CancellationToken cancellationToken)
    {
        var token = RefreshCookie.Read(http, request?.Refresh);
        if (token is null)
        {
            return InvalidToken("refresh", "No valid refresh token found.");
        }

        var rotated = await refreshTokens.RotateAsync(token, cancellationToken);
        if (rotated is null)
        {
            RefreshCookie.Clear(http.HttpContext.Response);
            return InvalidToken("refresh", "Token is invalid or expired.");
        }

        var user = await users.FindByIdAsync(rotated.UserId.ToString());
        if (user is null || user.DeletedAt is not null)
        {
            await refreshTokens.RevokeAllAsync(rotated.UserId, cancellationToken);
            RefreshCookie.Clear(http.HttpContext.Response);
            return InvalidToken("refresh", "Token is invalid or expired.");
        }

        var access = await sessions.IssueAccessTokenAsync(user);
        RefreshCookie.Set(http.HttpContext.Response, rotated.Next);
        return TypedResults.Ok(new TokenPairResponse(access.Token, rotated.Next.Token, access.ExpiresAt, rotated.Next.ExpiresAt));
    }

    /// <summary>200 <c>{}</c> for a valid access token (signature, lifetime, current security stamp) or a usable refresh token.</summary>
    public static async Task<Results<Ok<object>, ProblemHttpResult>> VerifyAsync(
        VerifyTokenRequest request,
        IOptionsMonitor<JwtBearerOptions> bearerOptions,
        SecurityStampCache stamps,
        RefreshTokenService refreshTokens,
        CancellationToken cancellationToken)
    {
        var parameters = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.Token, parameters);
        if (result.IsValid
            && Guid.TryParse(result.ClaimsIdentity.FindFirst(GamgyulClaims.Subject)?.Value, out var userId)
            && await stamps.GetAsync(userId, cancellationToken) is { } stamp
            && stamp == result.ClaimsIdentity.FindFirst(GamgyulClaims.SecurityStamp)?.Value)
        {
            return TypedResults.Ok<object>(new { });
        }

        if (await refreshTokens.FindActiveUserAsync(request.Token!, cancellationToken) is not null)
        {
            return TypedResults.Ok<object>(new { });
        }

        return InvalidToken("token", "Token is invalid or expired.");
    }

    /// <summary>Revokes the refresh token's family (body or cookie) and clears the cookie; always 200.</summary>
    public static async Task<Ok<DetailResponse>> LogoutAsync(
        RefreshRequest? request,
        HttpRequest http,
        RefreshTokenService refreshTokens,
        CancellationToken cancellationToken)
    {
        if (RefreshCookie.Read(http, request?.Refresh) is { } token)
        {
            await refreshTokens.RevokeAsync(token, cancellationToken);
        }

        RefreshCookie.Clear(http.HttpContext.Response);
        return TypedResults.Ok(new DetailResponse("Successfully logged out."));
    }

    private static ProblemHttpResult InvalidToken(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid token", detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "token_not_valid",
                ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
            });
}
