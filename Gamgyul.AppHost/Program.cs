var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject<Projects.Gamgyul_Api>("api");

builder.Build().Run();
