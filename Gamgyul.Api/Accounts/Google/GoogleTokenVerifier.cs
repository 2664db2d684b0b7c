using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gamgyul.Api.Accounts.Google;

/// <summary>
/// Verifies Google ID tokens against the provider's published keys and metadata (OpenID discovery): RS256
/// signature by a current key, issuer, audience (our client id), expiry, and a verified e-mail address.
/// Also redeems authorization codes at the provider's token endpoint.
/// </summary>
public sealed class GoogleTokenVerifier
{
    public const string ProviderName = "Google";
    public const string HttpClientName = "google-oidc";

    private readonly GoogleOptions _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly ILogger<GoogleTokenVerifier> _logger;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public GoogleTokenVerifier(IOptions<GoogleOptions> options, IHttpClientFactory httpClients, ILogger<GoogleTokenVerifier> logger)
    {
        _options = options.Value;
        _httpClients = httpClients;
        _logger = logger;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = _options.RequireHttpsMetadata });
    }

    /// <summary>The identity in a valid ID token, or null (the reason is logged, not returned to the client).</summary>
    public async Task<ExternalIdentity?> VerifyIdTokenAsync(string idToken, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(idToken, cancellationToken);
        if (result.IsValid is false && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we fetched them.
            _metadata.RequestRefresh();
            result = await ValidateAsync(idToken, cancellationToken);
        }

        if (!result.IsValid)
        {
            _logger.LogInformation("Refused a Google ID token: {Reason}", result.Exception?.Message);
            return null;
        }

        var subject = Claim(result, "sub");
        var email = Claim(result, "email");
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email) || !EmailRules.IsValid(email))
        {
            _logger.LogInformation("Refused a Google ID token without a subject or a valid e-mail address");
            return null;
        }

        var verified = result.Claims.TryGetValue("email_verified", out var value)
            && (value is true || (value is string text && bool.TryParse(text, out var parsed) && parsed));
        return new ExternalIdentity(ProviderName, subject, email, verified, Claim(result, "name"), Claim(result, "picture"));
    }

    /// <summary>The provider's authorization endpoint from its discovery document; null when it cannot be read.</summary>
    public async Task<string?> AuthorizationEndpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await _metadata.GetConfigurationAsync(cancellationToken);
            return string.IsNullOrEmpty(metadata.AuthorizationEndpoint) ? null : metadata.AuthorizationEndpoint;
        }
        catch (InvalidOperationException error)
        {
            _logger.LogWarning(error, "Could not read the Google provider's discovery document");
            return null;
        }
    }

    /// <summary>Redeems an authorization code for its ID token; null when the provider refuses it.</summary>
    public async Task<string?> RedeemCodeAsync(string code, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.GetConfigurationAsync(cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
            ["redirect_uri"] = _options.RedirectUri,
        });
        using var response = await _httpClients.CreateClient(HttpClientName).PostAsync(metadata.TokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _logger.LogInformation("The provider refused an authorization code: {Status} {Body}", (int)response.StatusCode,
                await response.Content.ReadAsStringAsync(cancellationToken));
            return null;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String
            ? idToken.GetString()
            : null;
    }

    private async Task<TokenValidationResult> ValidateAsync(string idToken, CancellationToken cancellationToken)
    {
        var metadata = await _metadata.GetConfigurationAsync(cancellationToken);
        // Google documents both spellings of its issuer.
        string[] issuers = metadata.Issuer == GoogleOptions.GoogleAuthority
            ? [metadata.Issuer, "accounts.google.com"]
            : [metadata.Issuer];
        return await _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _options.ClientId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
    }

    private static string? Claim(TokenValidationResult result, string name) =>
        result.Claims.TryGetValue(name, out var value) ? value?.ToString() : null;
}
