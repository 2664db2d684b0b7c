using Gamgyul.Messaging;
using Gamgyul.Messaging.InMemory;
using Gamgyul.Messaging.Outbox;
using Gamgyul.Messaging.Redis;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Tests.Messaging;

/// <summary><c>AddGamgyulMessaging</c> picks and configures the adapter from configuration alone.</summary>
public sealed class MessagingRegistrationTests
{
    [Fact]
    public async Task Bus_provider_inmemory_registers_the_in_memory_bus()
    {
        using var host = Build(new() { ["Bus:Provider"] = "inmemory" });

        var bus = host.Services.GetRequiredService<IMessageBus>();

        Assert.IsType<InMemoryMessageBus>(bus);
        Assert.Same(bus, host.Services.GetRequiredService<IMessageBus>());
        await bus.PublishAsync(Topics.ChatMessages, new OutgoingMessage("room", "x"u8.ToArray()));
    }

    [Fact]
    public async Task Redis_is_the_default_provider_and_uses_the_cache_connection_string_and_bus_redis_settings()
    {
        var services = await TestServices.GetAsync();
        var connectionString = services.CreateRedisConnectionString();
        using var host = Build(new()
        {
            ["ConnectionStrings:cache"] = connectionString,
            ["Bus:Redis:ClaimIdleTime"] = "00:00:45",
            ["Bus:Redis:KeyPrefix"] = "registration:",
        });

        var bus = host.Services.GetRequiredService<IMessageBus>();
        await bus.PublishAsync("registration-check", new OutgoingMessage("k", "x"u8.ToArray()));

        Assert.IsType<RedisMessageBus>(bus);
        Assert.Equal(TimeSpan.FromSeconds(45), host.Services.GetRequiredService<IOptions<RedisStreamsOptions>>().Value.ClaimIdleTime);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        Assert.Equal(1, await redis.GetDatabase().StreamLengthAsync("registration:registration-check"));
    }

    [Fact]
    public async Task A_redis_client_the_host_registered_itself_is_reused()
    {
        var services = await TestServices.GetAsync();
        var builder = Builder(new() { ["ConnectionStrings:cache"] = services.CreateRedisConnectionString() });
        builder.AddRedisClient("cache");

        builder.AddGamgyulMessaging();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(IConnectionMultiplexer) && !d.IsKeyedService);
    }

    [Fact]
    public async Task Bus_provider_pulsar_uses_the_pulsar_settings_and_creates_the_topology_at_start_up()
    {
        await using var server = await FakePulsarServer.StartAsync();
        server.RequiredToken = "app-token";
        using var host = Build(new()
        {
            // The shape the AppHost passes in containers mode: binary-protocol service URL plus HTTP addresses.
            ["Bus:Provider"] = "Pulsar",
            ["Pulsar:ServiceUrl"] = "pulsar://127.0.0.1:6650",
            ["Pulsar:AdminUrl"] = server.ServiceUrl.ToString().Replace("ws://", "http://", StringComparison.Ordinal),
            ["Pulsar:WebSocketUrl"] = server.ServiceUrl.ToString(),
            ["Pulsar:Token"] = "app-token",
            ["Pulsar:Namespace"] = "gamgyul",
        });

        await host.StartAsync();
        await host.Services.GetRequiredService<IMessageBus>().PublishAsync(Topics.ChatMessages, new OutgoingMessage("room-1", "hi"u8.ToArray()));
        await host.StopAsync();

        Assert.Contains(server.AdminRequests, r => r.Path == "namespaces/public/gamgyul/retention");
        Assert.Contains(server.AdminRequests, r => r.Path == "persistent/public/gamgyul/content-events");
        Assert.Single(server.Broker.Messages("public/gamgyul/chat-messages"));
    }

    [Fact]
    public void Bus_provider_pulsar_without_a_service_url_fails_with_the_setting_to_fix()
    {
        using var host = Build(new() { ["Bus:Provider"] = "pulsar" });

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IMessageBus>());

        Assert.Contains("Pulsar:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_outbox_relay_is_hosted_with_its_settings_bound()
    {
        using var host = Build(new() { ["Bus:Provider"] = "inmemory", ["Outbox:Relay:MaxAttempts"] = "4" }, relay: true);

        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is OutboxRelay);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<OutboxRelayOptions>>().Value.MaxAttempts);
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static IHost Build(Dictionary<string, string?> settings, bool relay = false)
    {
        var builder = Builder(settings);
        if (relay)
        {
            builder.Services.AddDbContext<Gamgyul.Data.GamgyulDbContext>();
        }

        builder.AddGamgyulMessaging();
        if (relay)
        {
            builder.AddGamgyulOutboxRelay();
        }

        return builder.Build();
    }
}
