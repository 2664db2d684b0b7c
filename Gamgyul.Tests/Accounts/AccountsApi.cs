using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gamgyul.Data.Entities;
using Gamgyul.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Tests.Accounts;

/// <summary>The account routes as a test calls them: real HTTP against the factory's Api.</summary>
internal static class AccountsApi
{
    public const string Password = "Mandarin-Orchard-77";

    public static string NewEmail(string label = "grower") => $"{label}.{Guid.NewGuid():N}@example.test";

    /// <summary>A client that does not keep cookies, so each test says exactly what it sends.</summary>
    public static HttpClient Client(this ApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string username = "감귤농부", string password = Password) =>
        client.PostAsJsonAsync("/accounts/registration/", new { email, username, password1 = password, password2 = password });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/accounts/login/", new { email, password });

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refresh) =>
        client.PostAsJsonAsync("/accounts/token/refresh/", new { refresh });

    /// <summary>Registers a new account and returns the 201 body.</summary>
    public static Task<Session> SignUpAsync(this ApiFactory factory, string? email = null) => factory.Client().SignUpAsync(email);

    /// <summary>Registers a new account through this client (any Api node) and returns the 201 body.</summary>
    public static async Task<Session> SignUpAsync(this HttpClient client, string? email = null)
    {
        email ??= NewEmail();
        var response = await client.RegisterAsync(email);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Session.From(await response.Content.ReadFromJsonAsync<JsonElement>(), email);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts a problem-details response with the status and, when given, an error for the field.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
                && messages.GetArrayLength() > 0, $"No error for '{field}' in {body}");
        }

        return problem;
    }

    public static async Task<int> CountUsersAsync(this ApiFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.CountAsync();
    }

    public static async Task<int> CountRefreshTokensAsync(this ApiFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return await db.RefreshTokens.CountAsync();
    }

    public static async Task<User> FindUserByEmailAsync(this ApiFactory factory, string email)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }
}

/// <summary>The tokens and user of a sign-in or sign-up response.</summary>
internal sealed record Session(string Access, string Refresh, string Handle, string Email, JsonElement Body)
{
    public static Session From(JsonElement body, string email) => new(
        body.GetProperty("access").GetString()!,
        body.GetProperty("refresh").GetString()!,
        body.GetProperty("user").GetProperty("handle").GetString()!,
        email,
        body);
}
