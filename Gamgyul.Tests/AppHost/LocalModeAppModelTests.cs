using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Gamgyul.AppHost.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gamgyul.Tests.AppHost;

/// <summary>Builds (never starts) the local-mode app model once and looks at its shape.</summary>
public sealed class LocalModeAppModelFixture : IAsyncLifetime
{
    public AppModel Model { get; private set; } = null!;

    public async Task InitializeAsync() => Model = await AppModel.BuildAsync("local");

    public async Task DisposeAsync() => await Model.DisposeAsync();
}

public sealed class LocalModeAppModelTests(LocalModeAppModelFixture fixture) : IClassFixture<LocalModeAppModelFixture>
{
    private static readonly string[] Services = ["api", "chatworker", "searchindexer"];

    private AppModel Model => fixture.Model;

    [Fact]
    public void Local_mode_runs_postgres_and_redis_as_executables_and_has_no_container()
    {
        Assert.IsType<ExecutableResource>(Model.Resource("postgres"));
        Assert.IsType<ExecutableResource>(Model.Resource("redis"));
        Assert.IsAssignableFrom<IResourceWithConnectionString>(Model.Resource("db"));
        Assert.IsAssignableFrom<IResourceWithConnectionString>(Model.Resource("cache"));
        foreach (var project in new[] { "migrations", "api", "chatworker", "searchindexer" })
        {
            Assert.IsType<ProjectResource>(Model.Resource(project));
        }

        // Tests and CI start this model, and no container engine runs there.
        Assert.Empty(Model.Model.Resources.OfType<ContainerResource>());
    }

    [Fact]
    public async Task Postgres_runs_the_wrapper_script_on_the_configured_port_with_data_under_the_data_directory()
    {
        var postgres = Model.Resource<ExecutableResource>("postgres");
        var arguments = await Model.ArgumentsOf("postgres");

        Assert.Equal("bash", postgres.Command);
        Assert.EndsWith(Path.Combine("scripts", "local", "postgres.sh"), arguments[0], StringComparison.Ordinal);
        Assert.True(File.Exists(arguments[0]), $"{arguments[0]} is missing");
        Assert.True(File.Exists(Path.Combine(arguments[1], "initdb")), $"no initdb in {arguments[1]}");
        Assert.Equal(Path.Combine(Model.Arguments.DataDirectory, "postgres"), arguments[2]);
        Assert.Equal(Model.Arguments.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments[3]);
        AssertFixedLoopbackEndpoint(postgres, Model.Arguments.PostgresPort);
    }

    [Fact]
    public async Task Redis_keeps_an_append_only_file_under_the_data_directory_on_the_configured_port()
    {
        var redis = Model.Resource<ExecutableResource>("redis");
        var arguments = await Model.ArgumentsOf("redis");

        Assert.EndsWith("redis-server", redis.Command, StringComparison.Ordinal);
        AssertOption(arguments, "--port", Model.Arguments.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertOption(arguments, "--bind", "127.0.0.1");
        AssertOption(arguments, "--appendonly", "yes");
        AssertOption(arguments, "--dir", Path.Combine(Model.Arguments.DataDirectory, "redis"));
        AssertFixedLoopbackEndpoint(redis, Model.Arguments.RedisPort);
    }

    [Fact]
    public void Postgres_and_redis_are_healthy_only_when_a_real_connection_succeeds()
    {
        var registered = Model.App.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Select(r => r.Name)
            .ToHashSet();

        foreach (var (resource, check) in new[]
                 {
                     ("postgres", LocalInfrastructure.PostgresHealthCheckName),
                     ("redis", LocalInfrastructure.RedisHealthCheckName),
                 })
        {
            var keys = Model.Resource(resource).Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key).ToList();
            Assert.Contains(check, keys);
            Assert.Contains(check, registered);
        }
    }

    [Fact]
    public void Migrations_wait_for_healthy_postgres_and_services_wait_for_migrations_and_healthy_redis()
    {
        AssertWaits("migrations", "postgres", WaitType.WaitUntilHealthy);
        foreach (var service in Services)
        {
            AssertWaits(service, "migrations", WaitType.WaitForCompletion);
            AssertWaits(service, "redis", WaitType.WaitUntilHealthy);
        }
    }

    [Theory]
    [InlineData("api")]
    [InlineData("chatworker")]
    [InlineData("searchindexer")]
    public async Task Each_service_gets_db_and_cache_and_the_local_providers(string service)
    {
        var environment = await Model.EnvironmentOf(service);

        Assert.Equal($"Host=127.0.0.1;Port={Model.Arguments.PostgresPort};Username=postgres;Database=gamgyul",
            environment["ConnectionStrings__db"]);
        Assert.Equal($"127.0.0.1:{Model.Arguments.RedisPort}", environment["ConnectionStrings__cache"]);
        Assert.Equal("redis", environment["Bus__Provider"]);
        Assert.Equal("postgres", environment["VectorIndex__Provider"]);
        Assert.Equal("filesystem", environment["Storage__Provider"]);
        Assert.Equal(Path.Combine(Model.Arguments.DataDirectory, "media"), environment["Storage__FileSystem__Root"]);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("Gamgyul__", StringComparison.Ordinal));
        Assert.True(environment.ContainsKey("DOTNET_ENVIRONMENT") || environment.ContainsKey("ASPNETCORE_ENVIRONMENT"),
            $"'{service}' should run in the AppHost's environment, not default to Production");
    }

    [Fact]
    public async Task Migrations_get_only_the_database()
    {
        var environment = await Model.EnvironmentOf("migrations");

        Assert.Equal($"Host=127.0.0.1;Port={Model.Arguments.PostgresPort};Username=postgres;Database=gamgyul",
            environment["ConnectionStrings__db"]);
        Assert.DoesNotContain("ConnectionStrings__cache", environment.Keys);
    }

    [Fact]
    public void Api_is_reachable_from_outside_and_every_service_has_a_health_probe()
    {
        Assert.Contains(Model.Resource("api").Annotations.OfType<EndpointAnnotation>(), e => e.UriScheme == "http" && e.IsExternal);
        foreach (var service in Services)
        {
            var resource = Model.Resource(service);
            Assert.Contains(resource.Annotations.OfType<EndpointAnnotation>(), e => e.UriScheme == "http");
            Assert.NotEmpty(resource.Annotations.OfType<HealthCheckAnnotation>());
        }
    }

    private void AssertWaits(string dependent, string dependency, WaitType waitType)
    {
        var waits = Model.Resource(dependent).Annotations.OfType<WaitAnnotation>().ToList();
        // Waiting on a backing service must end when it stops, or a failed start hangs everything after it.
        Assert.True(
            waits.Any(w => w.Resource.Name == dependency && w.WaitType == waitType
                           && (waitType != WaitType.WaitUntilHealthy || w.WaitBehavior == WaitBehavior.StopOnResourceUnavailable)),
            $"'{dependent}' should wait for '{dependency}' ({waitType}); it waits for: " +
            string.Join(", ", waits.Select(w => $"{w.Resource.Name} ({w.WaitType}, {w.WaitBehavior})")));
    }

    private static void AssertFixedLoopbackEndpoint(IResource resource, int port)
    {
        var endpoint = Assert.Single(resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(port, endpoint.TargetPort);
        Assert.False(endpoint.IsProxied);
    }

    private static void AssertOption(IReadOnlyList<string> arguments, string option, string value)
    {
        var index = arguments.ToList().IndexOf(option);
        Assert.True(index >= 0 && index + 1 < arguments.Count, $"missing {option} in: {string.Join(' ', arguments)}");
        Assert.Equal(value, arguments[index + 1]);
    }
}
