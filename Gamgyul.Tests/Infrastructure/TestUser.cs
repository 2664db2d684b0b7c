namespace Gamgyul.Tests.Infrastructure;

/// <summary>A user created for a test, with an HttpClient that sends the user's access token.</summary>
public sealed record TestUser(Guid Id, string Handle, string Email, string Password, string AccessToken, HttpClient Client);
