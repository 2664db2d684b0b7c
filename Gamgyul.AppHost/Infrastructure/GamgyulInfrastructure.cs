namespace Gamgyul.AppHost.Infrastructure;

/// <summary>
/// What every infrastructure mode hands to the services, so that no service can tell the modes apart:
/// the "db" and "cache" connection strings, the resources to wait for, and provider settings.
/// </summary>
/// <param name="Mode">The mode that produced this shape (for the AppHost only; never passed to a service).</param>
/// <param name="Database">The "db" connection string (Postgres database "gamgyul").</param>
/// <param name="Cache">The "cache" connection string (Redis).</param>
/// <param name="DatabaseReady">Healthy once Postgres accepts connections; the migrations wait for it.</param>
/// <param name="ServiceDependencies">Everything the long-running services wait for besides the migrations.</param>
/// <param name="Settings">Environment variables (configuration keys in <c>__</c> form) for every service.</param>
public sealed record GamgyulInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResource> DatabaseReady,
    IReadOnlyList<IResourceBuilder<IResource>> ServiceDependencies,
    IReadOnlyList<KeyValuePair<string, ReferenceExpression>> Settings);
