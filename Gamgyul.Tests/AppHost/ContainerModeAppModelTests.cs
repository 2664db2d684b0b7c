using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Gamgyul.AppHost.Infrastructure;

namespace Gamgyul.Tests.AppHost;

/// <summary>
/// Builds (never starts: no container engine here) the containers-mode app model once. Secrets are
/// given on the command line so that building it generates and persists nothing.
/// </summary>
public sealed class ContainerModeAppModelFixture : IAsyncLifetime
{
    public const string StorageUser = "test-storage-user";
    public const string StoragePassword = "test-storage-password";

    public AppModel Model { get; private set; } = null!;

    public async Task InitializeAsync() => Model = await AppModel.BuildAsync(
        "containers",
        "--Parameters:postgres-password=test-postgres-password",
        "--Parameters:cache-password=test-cache-password",
        $"--Parameters:{ContainerInfrastructure.StorageUserParameter}={StorageUser}",
        $"--Parameters:{ContainerInfrastructure.StoragePasswordParameter}={StoragePassword}");

    public async Task DisposeAsync() => await Model.DisposeAsync();
}

public sealed class ContainerModeAppModelTests(ContainerModeAppModelFixture fixture) : IClassFixture<ContainerModeAppModelFixture>
{
    private AppModel Model => fixture.Model;

    [Theory]
    [InlineData("postgres", "postgres", "/var/lib/postgresql")]
    [InlineData("cache", "redis", "/data")]
    [InlineData("pulsar", "apachepulsar/pulsar", "/pulsar/data")]
    [InlineData("milvus", "milvusdb/milvus", "/var/lib/milvus")]
    [InlineData("minio", "minio/minio", "/data")]
    public void Each_backing_service_is_a_container_with_a_data_volume(string name, string image, string dataPath)
    {
        var container = Model.Resource<ContainerResource>(name);

        var imageAnnotation = Assert.Single(container.Annotations.OfType<ContainerImageAnnotation>());
        Assert.EndsWith(image, imageAnnotation.Image, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(imageAnnotation.Tag));
        Assert.Contains(container.Annotations.OfType<ContainerMountAnnotation>(),
            m => m.Type == ContainerMountType.Volume && m.Target.StartsWith(dataPath, StringComparison.Ordinal));
    }

    [Fact]
    public void Containers_mode_runs_no_local_server_and_the_db_is_the_gamgyul_database_of_the_postgres_container()
    {
        Assert.DoesNotContain(Model.Model.Resources, r => r.Name == "redis");
        Assert.DoesNotContain(Model.Model.Resources.OfType<ExecutableResource>(), e => e.Name is "postgres" or "cache");
        var database = Model.Resource<PostgresDatabaseResource>("db");
        Assert.Equal("gamgyul", database.DatabaseName);
        Assert.Same(Model.Resource("postgres"), database.Parent);
        Assert.IsType<RedisResource>(Model.Resource("cache"));
    }

    [Fact]
    public async Task Pulsar_milvus_and_minio_start_with_their_standalone_commands()
    {
        Assert.Equal(["bin/pulsar", "standalone"], await Model.ArgumentsOf("pulsar"));
        Assert.Equal(["milvus", "run", "standalone"], await Model.ArgumentsOf("milvus"));
        Assert.Equal(["server", "/data", "--console-address", ":9001"], await Model.ArgumentsOf("minio"));

        var milvusEnvironment = await Model.EnvironmentOf("milvus");
        Assert.Equal("true", milvusEnvironment["ETCD_USE_EMBED"]);
        Assert.Equal("local", milvusEnvironment["COMMON_STORAGETYPE"]);
        var etcdConfig = Assert.Single(Model.Resource("milvus").Annotations.OfType<ContainerMountAnnotation>(),
            m => m.Type == ContainerMountType.BindMount);
        Assert.True(File.Exists(etcdConfig.Source), $"{etcdConfig.Source} is missing");

        var minioEnvironment = await Model.EnvironmentOf("minio");
        Assert.Equal(ContainerModeAppModelFixture.StorageUser, minioEnvironment["MINIO_ROOT_USER"]);
        Assert.Equal(ContainerModeAppModelFixture.StoragePassword, minioEnvironment["MINIO_ROOT_PASSWORD"]);
        Assert.True(Model.Resource<ParameterResource>(ContainerInfrastructure.StoragePasswordParameter).Secret);
        Assert.True(Model.Resource<ParameterResource>(ContainerInfrastructure.StorageUserParameter).Secret);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("chatworker")]
    [InlineData("searchindexer")]
    public async Task Each_service_gets_db_and_cache_and_the_container_providers_with_their_addresses(string service)
    {
        var environment = await Model.EnvironmentOf(service);

        Assert.Contains("Database=gamgyul", environment["ConnectionStrings__db"], StringComparison.Ordinal);
        Assert.Contains($"Port={Port("postgres", "tcp")}", environment["ConnectionStrings__db"], StringComparison.Ordinal);
        Assert.StartsWith($"localhost:{Port("cache", "tcp")}", environment["ConnectionStrings__cache"], StringComparison.Ordinal);
        Assert.Equal("pulsar", environment["Bus__Provider"]);
        Assert.Equal($"pulsar://localhost:{Port("pulsar", "broker")}", environment["Pulsar__ServiceUrl"]);
        Assert.Equal($"http://localhost:{Port("pulsar", "http")}", environment["Pulsar__AdminUrl"]);
        Assert.Equal($"ws://localhost:{Port("pulsar", "http")}", environment["Pulsar__WebSocketUrl"]);
        Assert.Equal("milvus", environment["VectorIndex__Provider"]);
        Assert.Equal($"http://localhost:{Port("milvus", "http")}", environment["Milvus__Endpoint"]);
        Assert.Equal("s3", environment["Storage__Provider"]);
        Assert.Equal($"http://localhost:{Port("minio", "api")}", environment["Storage__S3__ServiceUrl"]);
        Assert.Equal(ContainerInfrastructure.MediaBucket, environment["Storage__S3__Bucket"]);
        Assert.Equal(ContainerModeAppModelFixture.StorageUser, environment["Storage__S3__AccessKey"]);
        Assert.Equal(ContainerModeAppModelFixture.StoragePassword, environment["Storage__S3__SecretKey"]);
        Assert.Equal("true", environment["Storage__S3__CreateBucket"]);
        Assert.DoesNotContain("Storage__FileSystem__Root", environment.Keys);
    }

    [Fact]
    public void Services_wait_for_migrations_and_every_backing_service_and_migrations_wait_for_the_database()
    {
        AssertWaits("migrations", "db", WaitType.WaitUntilHealthy);
        foreach (var service in new[] { "api", "chatworker", "searchindexer" })
        {
            AssertWaits(service, "migrations", WaitType.WaitForCompletion);
            foreach (var dependency in new[] { "cache", "pulsar", "milvus", "minio" })
            {
                AssertWaits(service, dependency, WaitType.WaitUntilHealthy);
            }
        }
    }

    [Theory]
    [InlineData("pulsar")]
    [InlineData("milvus")]
    [InlineData("minio")]
    public void Custom_containers_have_health_checks_so_waiting_means_ready(string name) =>
        Assert.NotEmpty(Model.Resource(name).Annotations.OfType<HealthCheckAnnotation>());

    private int Port(string resource, string endpointName) =>
        Model.Resource(resource).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpointName).AllocatedEndpoint!.Port;

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
}
