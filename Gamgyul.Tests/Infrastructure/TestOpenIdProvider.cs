using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gamgyul.Tests.Infrastructure;

/// <summary>
/// A real OpenID provider for tests: Kestrel on a free loopback port serving discovery, a JSON Web Key Set
/// and a token endpoint that redeems one-time authorization codes, and signing real RS256 tokens.
/// Stands in for Google (issuer at the root) or an Entra ID tenant (issuer under <c>/{tenant}/v2.0</c>).
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "gamgyul-test-client";
    public const string ClientSecret = "gamgyul-test-secret";
    public const string RedirectUri = "http://localhost:5173/auth/google/callback";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly ConcurrentDictionary<string, string> _codes = new();

    private TestOpenIdProvider(WebApplication app, RSA rsa)
    {
        _app = app;
        _rsa = rsa;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The issuer (and authority): the base URL plus the path prefix.</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The key the provider publishes and signs with.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>How many authorization codes were redeemed successfully.</summary>
    public int RedeemedCodes { get; private set; }

    public static async Task<TestOpenIdProvider> StartAsync(string pathPrefix = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestOpenIdProvider(app, RSA.Create(2048));
        provider.MapEndpoints(pathPrefix);
        await app.StartAsync();
        provider.BaseUrl = app.Urls.Single().TrimEnd('/');
        provider.Issuer = provider.BaseUrl + pathPrefix;
        return provider;
    }

    /// <summary>A signed ID/access token; every parameter left out is a valid default.</summary>
    public string CreateToken(
        IDictionary<string, object> claims,
        string? issuer = null,
        string? audience = null,
        DateTimeOffset? expires = null,
        SecurityKey? signWith = null)
    {
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-20).UtcDateTime,
            NotBefore = expiry.AddMinutes(-20).UtcDateTime,
            Expires = expiry.UtcDateTime,
            SigningCredentials = new SigningCredentials(signWith ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Claims of a Google ID token for a person with a verified address.</summary>
    public static Dictionary<string, object> GoogleClaims(string subject, string email, bool emailVerified = true, string name = "Kim Gamgyul") => new()
    {
        ["sub"] = subject,
        ["email"] = email,
        ["email_verified"] = emailVerified,
        ["name"] = name,
        ["picture"] = "https://images.example.test/" + subject + ".png",
    };

    /// <summary>A one-time authorization code that the token endpoint redeems for <paramref name="idToken"/>.</summary>
    public string IssueCode(string idToken)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = idToken;
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private void MapEndpoints(string prefix)
    {
        _app.MapGet(prefix + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));

        _app.MapGet(prefix + "/jwks", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = SigningKey.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });

        _app.MapPost(prefix + "/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId
                || form["client_secret"] != ClientSecret || form["redirect_uri"] != RedirectUri
                || !_codes.TryRemove(form["code"].ToString(), out var idToken))
            {
                return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: 400);
            }

            RedeemedCodes++;
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = "opaque-access-token",
                ["id_token"] = idToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
            });
        });
    }
}
