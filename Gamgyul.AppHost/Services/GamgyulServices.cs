using Gamgyul.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Gamgyul.AppHost.Services;

/// <summary>The Gamgyul processes: the migrations step, then the Api and the two workers.</summary>
public static class GamgyulServices
{
    public const string MigrationsResourceName = "migrations";
    public const string ApiResourceName = "api";
    public const string ChatWorkerResourceName = "chatworker";
    public const string SearchIndexerResourceName = "searchindexer";
    public const string HealthPath = "/health";

    // A backing service that exits or cannot start fails its dependents at once instead of leaving
    // them waiting forever (a port taken after the preflight, a container engine that went away).
    private const WaitBehavior FailIfItStops = WaitBehavior.StopOnResourceUnavailable;

    public static void AddGamgyulServices(this IDistributedApplicationBuilder builder, GamgyulInfrastructure infrastructure)
    {
        // Run to completion before anything serves requests, so no service starts on an old schema.
        var migrations = builder.AddProject<Projects.Gamgyul_MigrationService>(MigrationsResourceName)
            .WithHostEnvironment(builder)
            .WithReference(infrastructure.Database)
            .WaitFor(infrastructure.DatabaseReady, FailIfItStops);

        builder.AddProject<Projects.Gamgyul_Api>(ApiResourceName)
            .WithExternalHttpEndpoints()
            .WithGamgyulInfrastructure(infrastructure, migrations)
            .WithSearchSettings(builder.Configuration);

        // The workers have no launch profile: give each an HTTP endpoint for its health probes.
        builder.AddProject<Projects.Gamgyul_ChatWorker>(ChatWorkerResourceName)
            .WithHostEnvironment(builder)
            .WithHttpEndpoint(name: "http")
            .WithGamgyulInfrastructure(infrastructure, migrations);

        builder.AddProject<Projects.Gamgyul_SearchIndexer>(SearchIndexerResourceName)
            .WithHostEnvironment(builder)
            .WithHttpEndpoint(name: "http")
            .WithGamgyulInfrastructure(infrastructure, migrations)
            .WithSearchSettings(builder.Configuration);
    }

    /// <summary>Configuration sections the AppHost forwards as they are (embedder, fusion), so queries and documents agree.</summary>
    public static readonly string[] ForwardedSections = ["Embeddings", "Search"];

    // The Api embeds queries and the SearchIndexer embeds documents: both must use the same embedder and size,
    // so both get the AppHost's own Embeddings:* and Search:* settings (e.g. `--Embeddings:Provider=openai`).
    private static IResourceBuilder<ProjectResource> WithSearchSettings(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }

        return project;
    }

    // Projects without a launch profile would run as Production while the Api (profile) runs as Development.
    private static IResourceBuilder<ProjectResource> WithHostEnvironment(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder) =>
        project.WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName);

    private static IResourceBuilder<ProjectResource> WithGamgyulInfrastructure(
        this IResourceBuilder<ProjectResource> service,
        GamgyulInfrastructure infrastructure,
        IResourceBuilder<ProjectResource> migrations)
    {
        service.WithReference(infrastructure.Database)
            .WithReference(infrastructure.Cache)
            .WaitForCompletion(migrations)
            .WithHttpHealthCheck(HealthPath);

        foreach (var dependency in infrastructure.ServiceDependencies)
        {
            service.WaitFor(dependency, FailIfItStops);
        }

        foreach (var (name, value) in infrastructure.Settings)
        {
            service.WithEnvironment(name, value);
        }

        return service;
    }
}
