using Gamgyul.Data;
using Gamgyul.MigrationService;

// A run-to-completion step: applies the committed migrations, then exits. The AppHost starts the
// services only after it has completed (WaitForCompletion), so no request-serving code migrates.
var builder = Host.CreateApplicationBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddGamgyulData();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
