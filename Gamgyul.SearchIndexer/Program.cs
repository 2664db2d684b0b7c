using Gamgyul.Data;
using Gamgyul.Messaging;
using Gamgyul.Search;
using Gamgyul.SearchIndexer.Indexing;
using Gamgyul.SearchIndexer.Rebuild;

// The search indexer consumes content events and keeps the vector index in step with Postgres; over HTTP it
// serves only health probes. `rebuild-index [fresh]` rebuilds the whole index instead, then exits.
var builder = WebApplication.CreateSlimBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient(MessagingServiceExtensions.RedisConnectionName);
builder.AddGamgyulMessaging();
builder.AddGamgyulSearch();
builder.AddSearchIndexing();

var app = builder.Build();

if (await RebuildCommand.RunAsync(app.Services, args, Console.Out, app.Lifetime.ApplicationStopping) is { } exitCode)
{
    return exitCode;
}

app.MapDefaultEndpoints();
await app.RunAsync();
return 0;
