using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

/// <summary>The Api with an <c>AzureAd</c> section whose tenant is a local OpenID provider.</summary>
public sealed class EntraIdApiFactory : ApiFactory
{
    public static readonly string TenantId = Guid.NewGuid().ToString();

    public TestOpenIdProvider Tenant { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Tenant = await TestOpenIdProvider.StartAsync($"/{TenantId}/v2.0");
        WithSetting("AzureAd:Instance", Tenant.BaseUrl + "/");
        WithSetting("AzureAd:TenantId", TenantId);
        WithSetting("AzureAd:ClientId", TestOpenIdProvider.ClientId);
        WithSetting("AzureAd:RequireHttpsMetadata", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Tenant.DisposeAsync();
    }

    /// <summary>An Entra ID v2 access token for this API, for the person with the given object id.</summary>
    public string AccessToken(string objectId, string email, string? tenantId = null, string? issuer = null, string? audience = null)
    {
        var tenant = tenantId ?? TenantId;
        return Tenant.CreateToken(new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["tid"] = tenant,
            ["sub"] = "pairwise-" + objectId,
            ["scp"] = "access_as_user",
            ["ver"] = "2.0",
            ["name"] = "Entra Grower",
            ["preferred_username"] = email,
        }, issuer: issuer ?? $"{Tenant.BaseUrl}/{tenant}/v2.0", audience: audience);
    }
}
