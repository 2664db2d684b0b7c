using Microsoft.Extensions.Configuration;

namespace Gamgyul.AppHost.Infrastructure;

/// <summary>Reads <c>Gamgyul:Mode</c> (auto | containers | local) and settles <c>auto</c>.</summary>
public static class InfrastructureModeSelector
{
    public const string ConfigurationKey = "Gamgyul:Mode";

    /// <param name="configuration">The AppHost's configuration.</param>
    /// <param name="executionContext">Run or publish.</param>
    /// <param name="findContainerRuntime">Names a container runtime whose engine answers, or null; defaults to asking docker and podman.</param>
    public static (InfrastructureMode Mode, string Reason) Select(
        IConfiguration configuration,
        DistributedApplicationExecutionContext executionContext,
        Func<IConfiguration, string?>? findContainerRuntime = null)
    {
        var configured = configuration[ConfigurationKey]?.Trim();
        switch (configured?.ToLowerInvariant())
        {
            case "local":
                return (InfrastructureMode.Local, $"{ConfigurationKey}=local");
            case "containers":
                return (InfrastructureMode.Containers, $"{ConfigurationKey}=containers");
            case null or "" or "auto":
                break;
            default:
                throw new InfrastructureUnavailableException(
                    $"Unknown {ConfigurationKey} '{configured}'. Use auto, containers or local, for example " +
                    $"`dotnet run --project Gamgyul.AppHost -- --{ConfigurationKey}=local`.");
        }

        // A deployment manifest describes the target platform, where the backing services are containers.
        if (executionContext.IsPublishMode)
        {
            return (InfrastructureMode.Containers, "publishing");
        }

        var runtime = (findContainerRuntime ?? ContainerRuntimeProbe.FindHealthyRuntime)(configuration);
        return runtime is null
            ? (InfrastructureMode.Local, "auto: no container runtime answered")
            : (InfrastructureMode.Containers, $"auto: '{runtime} info' answered");
    }
}
