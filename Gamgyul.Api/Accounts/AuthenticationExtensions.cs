using Gamgyul.Api.Accounts.EntraId;
using Gamgyul.Api.Accounts.Google;
using Gamgyul.Data;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace Gamgyul.Api.Accounts;

internal static class AuthenticationExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for users, passwords, lockout and tokens; JWT bearer authentication whose tokens
    /// are checked against the user's current security stamp; Google sign-in; and, when configured, Entra ID
    /// as a second bearer scheme.
    /// </summary>
    public static WebApplicationBuilder AddGamgyulAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.SigningKey),
                "Jwt:SigningKey is not configured. Set it (at least 32 characters) through configuration, "
                + "e.g. the environment variable Jwt__SigningKey.")
            .ValidateOnStart();
        builder.Services.Configure<AccountsOptions>(builder.Configuration.GetSection(AccountsOptions.SectionName));
        builder.Services.Configure<GoogleOptions>(builder.Configuration.GetSection(GoogleOptions.SectionName));
        var accounts = builder.Configuration.GetSection(AccountsOptions.SectionName).Get<AccountsOptions>() ?? new AccountsOptions();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddScoped<RefreshTokenService>();
        builder.Services.AddScoped<SecurityStampCache>();
        builder.Services.AddSingleton<SecurityStampMemory>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SecurityStampMemory>());
        builder.Services.AddScoped<AccountSecurity>();
        builder.Services.AddScoped<SessionIssuer>();
        builder.Services.AddScoped<ExternalAccountLinker>();
        builder.Services.AddScoped<AccountDeletion>();
        builder.Services.AddSingleton<GoogleTokenVerifier>();
        builder.Services.AddHttpClient(GoogleTokenVerifier.HttpClientName);
        builder.Services.AddHostedService<AdminBootstrapService>();

        builder.Services.AddIdentityCore<User>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.User.AllowedUserNameCharacters = HandleRules.Characters;
                identity.Password.RequiredLength = 8;
                identity.Password.RequiredUniqueChars = 4;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = accounts.LockoutMaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GamgyulDbContext>()
            .AddSignInManager()
            .AddUserValidator<HandleValidator>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o =>
            o.TokenLifespan = TimeSpan.FromMinutes(accounts.PasswordResetTokenMinutes));
        AddSharedDataProtection(builder.Services);

        var jwtIssuer = builder.Configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>()?.Issuer ?? new JwtOptions().Issuer;
        var authentication = builder.Services.AddAuthentication(options =>
        {
            var scheme = EntraIdAuthentication.IsConfigured(builder.Configuration)
                ? EntraIdAuthentication.SelectorScheme
                : JwtBearerDefaults.AuthenticationScheme;
            options.DefaultScheme = scheme;
            options.DefaultChallengeScheme = scheme;
        });
        authentication.AddJwtBearer();
        if (EntraIdAuthentication.IsConfigured(builder.Configuration))
        {
            authentication.AddEntraId(builder.Configuration, jwtIssuer);
        }

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                var settings = jwt.Value;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = AccessTokenIssuer.SigningKey(settings),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = GamgyulClaims.Subject,
                    RoleClaimType = GamgyulClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents { OnTokenValidated = CheckSecurityStampAsync };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// A token is only as good as the account behind it: deleted accounts and tokens issued before a
    /// password change or reset (which change the security stamp) are refused.
    /// </summary>
    private static async Task CheckSecurityStampAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirst(GamgyulClaims.SecurityStamp)?.Value;
        if (!Guid.TryParse(principal?.FindFirst(GamgyulClaims.Subject)?.Value, out var userId) || stamp is null)
        {
            context.Fail("The token has no subject or security stamp.");
            return;
        }

        var current = await context.HttpContext.RequestServices.GetRequiredService<SecurityStampCache>()
            .GetAsync(userId, context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.Fail("The token was revoked.");
        }
    }

    /// <summary>
    /// Data-protection keys (they sign password-reset tokens) live in Redis, so a link made by one Api node
    /// works on every other.
    /// </summary>
    private static void AddSharedDataProtection(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("gamgyul");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
            keys.XmlRepository = new RedisXmlRepository(
                () => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(),
                "gamgyul:data-protection-keys"));
    }
}
