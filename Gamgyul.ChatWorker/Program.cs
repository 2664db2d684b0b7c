using Gamgyul.Data;

// The chat worker consumes the chat-messages topic durably and persists messages; it serves only
// health probes over HTTP so that the orchestrator and container platforms can watch it.
var builder = WebApplication.CreateSlimBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient("cache");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
