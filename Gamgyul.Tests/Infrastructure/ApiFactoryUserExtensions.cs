using System.Net.Http.Headers;
using Gamgyul.Api.Accounts;
using Gamgyul.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gamgyul.Tests.Infrastructure;

public static class ApiFactoryUserExtensions
{
    public const string DefaultPassword = "tangerine-Grove-2026";

    /// <summary>
    /// Creates a user through the Api's own Identity services and signs it in with a real access token,
    /// for tests of features other than sign-up itself.
    /// </summary>
    public static async Task<TestUser> CreateUserAsync(this ApiFactory factory, string? handle = null, params string[] roles)
    {
        handle ??= $"user_{Guid.NewGuid():N}"[..20];
        var email = $"{handle}@example.test";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var now = DateTimeOffset.UtcNow;
        var user = new User
        {
            UserName = handle,
            Email = email,
            EmailConfirmed = true,
            DisplayName = handle,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Check(await users.CreateAsync(user, DefaultPassword));
        foreach (var role in roles)
        {
            var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole<Guid>(role)));
            }

            Check(await users.AddToRoleAsync(user, role));
        }

        var token = scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>().Issue(user, roles);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestUser(user.Id, handle, email, DefaultPassword, token, client);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
