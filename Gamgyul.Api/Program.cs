using Gamgyul.Api;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Chats;
using Gamgyul.Api.Email;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Api.Media;
using Gamgyul.Api.Search;
using Gamgyul.Api.WebClient;
using Gamgyul.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient(ApiPlatformExtensions.RedisConnectionName);
builder.AddApiPlatform();
builder.AddGamgyulAuthentication();
builder.AddGamgyulEmail();
builder.AddSocialFeatures();
builder.AddSearchFeature();
builder.AddChatFeature();
builder.AddGamgyulMedia();

var app = builder.Build();

// One-off operator commands (e.g. `grant-admin <email>`) run instead of the server.
if (await AdminBootstrap.RunCommandAsync(app.Services, args, Console.Out) is { } exitCode)
{
    return exitCode;
}

app.UseApiPlatform();
app.UseChatGateway();
app.MapDefaultEndpoints();
app.MapGamgyulEndpoints();
app.UseWebClient();

await app.RunAsync();
return 0;
