using Gamgyul.Data;

// The search indexer consumes content events and keeps the vector index in step; it serves only
// health probes over HTTP so that the orchestrator and container platforms can watch it.
var builder = WebApplication.CreateSlimBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient("cache");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
