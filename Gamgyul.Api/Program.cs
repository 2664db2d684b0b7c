using Gamgyul.Api;
using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;
using Gamgyul.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient(ApiPlatformExtensions.RedisConnectionName);
builder.AddApiPlatform();
builder.AddGamgyulAuthentication();
builder.AddSocialFeatures();

var app = builder.Build();

app.UseApiPlatform();
app.MapDefaultEndpoints();
app.MapGamgyulEndpoints();

app.Run();
