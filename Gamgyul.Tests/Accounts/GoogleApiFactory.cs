using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Accounts;

/// <summary>The Api with Google sign-in pointed at a local OpenID provider that this fixture starts.</summary>
public sealed class GoogleApiFactory : ApiFactory
{
    public TestOpenIdProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Provider = await TestOpenIdProvider.StartAsync();
        WithSetting("Authentication:Google:Authority", Provider.Issuer);
        WithSetting("Authentication:Google:ClientId", TestOpenIdProvider.ClientId);
        WithSetting("Authentication:Google:ClientSecret", TestOpenIdProvider.ClientSecret);
        WithSetting("Authentication:Google:RedirectUri", TestOpenIdProvider.RedirectUri);
        WithSetting("Authentication:Google:RequireHttpsMetadata", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
