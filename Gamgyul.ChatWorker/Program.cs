using Gamgyul.ChatWorker;
using Gamgyul.Data;
using Gamgyul.Messaging;

// The chat worker consumes the chat-messages topic durably and stores the messages; it serves only health probes
// over HTTP so that the orchestrator and container platforms can watch it. The bus settings (Bus:Provider, Pulsar:*,
// the "cache" connection) come from the AppHost exactly as the Api gets them.
var builder = WebApplication.CreateSlimBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGamgyulData();
builder.AddRedisClient("cache");
builder.AddGamgyulMessaging();
builder.Services.Configure<ChatPersistenceOptions>(builder.Configuration.GetSection(ChatPersistenceOptions.SectionName));
builder.Services.AddSingleton<ChatMessageStore>();
builder.Services.AddHostedService<ChatPersistenceService>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
