using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gamgyul.Api.Accounts.EntraId;

/// <summary>
/// Microsoft Entra ID access tokens as a second bearer scheme, registered only when the <c>AzureAd</c>
/// configuration section exists (Microsoft.Identity.Web reads it: Instance, TenantId, ClientId, Audience).
/// A policy scheme sends each bearer token to the scheme of its issuer.
/// </summary>
internal static class EntraIdAuthentication
{
    public const string SectionName = "AzureAd";
    public const string Scheme = "EntraId";
    public const string SelectorScheme = "GamgyulBearer";

    public static bool IsConfigured(IConfiguration configuration) => configuration.GetSection(SectionName).Exists();

    public static void AddEntraId(this AuthenticationBuilder authentication, IConfiguration configuration, string localIssuer)
    {
        var section = configuration.GetSection(SectionName);
        authentication.AddMicrosoftIdentityWebApi(section, Scheme);
        authentication.Services.AddScoped<EntraIdAccountMapper>();

        // Configure (not PostConfigure): it runs after Microsoft.Identity.Web's own Configure, whose events
        // it wraps, and before the framework's post-configuration builds the metadata manager.
        authentication.Services.Configure<JwtBearerOptions>(Scheme, bearer =>
        {
            // Only a local test tenant may be plain HTTP.
            bearer.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", defaultValue: true);
            RestrictToConfiguredTenant(bearer, section);

            var validated = bearer.Events.OnTokenValidated;
            bearer.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Result is null)
                {
                    await context.HttpContext.RequestServices.GetRequiredService<EntraIdAccountMapper>().MapAsync(context);
                }
            };
        });

        authentication.AddPolicyScheme(SelectorScheme, "Gamgyul or Entra ID bearer token", policy =>
            policy.ForwardDefaultSelector = context => SchemeFor(context, localIssuer));
    }

    // A token issued by this Api goes to the local scheme, any other JWT to Entra ID.
    private static string SchemeFor(HttpContext context, string localIssuer)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        var token = header["Bearer ".Length..].Trim();
        var handler = new JsonWebTokenHandler();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer != localIssuer
            ? Scheme
            : JwtBearerDefaults.AuthenticationScheme;
    }

    // For a single tenant ("access tokens from that tenant"), only that tenant's issuers are valid; the
    // Microsoft.Identity.Web issuer validator alone would accept any tenant of a multi-tenant authority.
    private static void RestrictToConfiguredTenant(JwtBearerOptions bearer, IConfigurationSection section)
    {
        var tenant = section["TenantId"];
        if (string.IsNullOrWhiteSpace(tenant) || tenant is "common" or "organizations" or "consumers")
        {
            return;
        }

        var instance = (section["Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var issuers = new List<string> { $"{instance}/{tenant}/v2.0" };
        if (instance == "https://login.microsoftonline.com")
        {
            issuers.Add($"https://sts.windows.net/{tenant}/");
        }

        bearer.TokenValidationParameters.ValidIssuers = issuers;
    }
}
