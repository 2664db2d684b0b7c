using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.AppHost;

/// <summary>
/// The AppHost's app model built (never started) with the given arguments, plus ways to look into it:
/// resources by name, and the environment a resource would be started with.
/// </summary>
public sealed class AppModel : IAsyncDisposable
{
    private int _nextFakePort = 47000;

    private AppModel(DistributedApplication app, AppHostArguments arguments)
    {
        App = app;
        Arguments = arguments;
        Model = app.Services.GetRequiredService<DistributedApplicationModel>();
    }

    public DistributedApplication App { get; }
    public AppHostArguments Arguments { get; }
    public DistributedApplicationModel Model { get; }

    public static async Task<AppModel> BuildAsync(string mode, params string[] extraArgs)
    {
        var arguments = AppHostArguments.Create(mode, extraArgs);
        if (mode == "local")
        {
            arguments.AssertLocalPrerequisites();
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Gamgyul_AppHost>(arguments.Args);
        var app = await builder.BuildAsync();
        return new AppModel(app, arguments);
    }

    public IResource Resource(string name) =>
        Model.Resources.SingleOrDefault(r => r.Name == name)
        ?? throw new Xunit.Sdk.XunitException(
            $"The app model has no resource '{name}'. It has: {string.Join(", ", Model.Resources.Select(r => r.Name))}");

    public T Resource<T>(string name) where T : IResource
    {
        var resource = Resource(name);
        return resource is T typed
            ? typed
            : throw new Xunit.Sdk.XunitException($"Resource '{name}' is a {resource.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>
    /// The environment variables the resource would be started with, fully evaluated. Endpoints are only
    /// allocated when the app starts, so every endpoint without an allocation gets a stand-in first:
    /// its fixed port when it has one, else a made-up one.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> EnvironmentOf(string name)
    {
        AllocateEndpoints();
        var resource = Resource(name);
        var executionContext = App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(executionContext, NullLogger.Instance, timeout.Token);
        if (configuration.Exception is not null)
        {
            throw new Xunit.Sdk.XunitException($"Evaluating the environment of '{name}' failed: {configuration.Exception}");
        }

        return configuration.EnvironmentVariables.ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    /// <summary>The command-line arguments the resource would be started with, fully evaluated.</summary>
    public async Task<IReadOnlyList<string>> ArgumentsOf(string name)
    {
        AllocateEndpoints();
        var resource = Resource(name);
        var executionContext = App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .BuildAsync(executionContext, NullLogger.Instance, timeout.Token);
        if (configuration.Exception is not null)
        {
            throw new Xunit.Sdk.XunitException($"Evaluating the arguments of '{name}' failed: {configuration.Exception}");
        }

        return configuration.Arguments.Select(a => a.Value).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Arguments.Dispose();
    }

    private void AllocateEndpoints()
    {
        foreach (var endpoint in Model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            if (endpoint.AllocatedEndpoint is null)
            {
                var port = endpoint.Port ?? _nextFakePort++;
                var targetPort = endpoint.TargetPort ?? port;
                endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port,
                    targetPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
