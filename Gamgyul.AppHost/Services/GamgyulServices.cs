using Gamgyul.AppHost.Infrastructure;

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
            .WithGamgyulInfrastructure(infrastructure, migrations);

        // The workers have no launch profile: give each an HTTP endpoint for its health probes.
        builder.AddProject<Projects.Gamgyul_ChatWorker>(ChatWorkerResourceName)
            .WithHostEnvironment(builder)
            .WithHttpEndpoint(name: "http")
            .WithGamgyulInfrastructure(infrastructure, migrations);

        builder.AddProject<Projects.Gamgyul_SearchIndexer>(SearchIndexerResourceName)
            .WithHostEnvironment(builder)
            .WithHttpEndpoint(name: "http")
            .WithGamgyulInfrastructure(infrastructure, migrations);
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
