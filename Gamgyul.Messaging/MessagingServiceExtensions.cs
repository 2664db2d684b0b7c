using Gamgyul.Messaging.InMemory;
using Gamgyul.Messaging.Internal;
using Gamgyul.Messaging.Outbox;
using Gamgyul.Messaging.Pulsar;
using Gamgyul.Messaging.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gamgyul.Messaging;

public static class MessagingServiceExtensions
{
    /// <summary>The Redis connection-string name the Redis Streams adapter uses (the same Redis as the cache).</summary>
    public const string RedisConnectionName = "cache";

    internal const string PulsarAdminHttpClient = "gamgyul-pulsar-admin";

    /// <summary>
    /// Registers <see cref="IMessageBus"/> with the adapter named by <c>Bus:Provider</c> (redis, the default; pulsar;
    /// inmemory). Call it after <c>AddRedisClient("cache")</c> if the host calls that itself; otherwise the Redis
    /// client is registered here.
    /// </summary>
    public static IHostApplicationBuilder AddGamgyulMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var bus = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        services.Configure<BusOptions>(builder.Configuration.GetSection(BusOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        var nodeId = NodeIdentity.Create(bus.NodeId);

        switch (bus.Provider)
        {
            case BusProvider.InMemory:
                services.TryAddSingleton(sp => new InMemoryBroker(sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IMessageBus>(sp => new InMemoryMessageBus(sp.GetRequiredService<InMemoryBroker>(), nodeId));
                break;

            case BusProvider.Redis:
                if (!services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer) && !d.IsKeyedService))
                {
                    builder.AddRedisClient(RedisConnectionName);
                }

                services.Configure<RedisStreamsOptions>(builder.Configuration.GetSection(RedisStreamsOptions.SectionName));
                services.AddSingleton<IMessageBus>(sp => new RedisMessageBus(
                    sp.GetRequiredService<IConnectionMultiplexer>(),
                    sp.GetRequiredService<IOptions<RedisStreamsOptions>>().Value,
                    nodeId,
                    sp.GetRequiredService<ILoggerFactory>(),
                    sp.GetRequiredService<TimeProvider>()));
                break;

            case BusProvider.Pulsar:
                services.Configure<PulsarOptions>(builder.Configuration.GetSection(PulsarOptions.SectionName));
                services.AddHttpClient(PulsarAdminHttpClient);
                services.AddSingleton<IMessageBus>(sp => new PulsarMessageBus(
                    sp.GetRequiredService<IOptions<PulsarOptions>>().Value,
                    nodeId,
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(PulsarAdminHttpClient),
                    sp.GetRequiredService<ILoggerFactory>(),
                    sp.GetRequiredService<TimeProvider>()));
                services.AddHostedService<PulsarTopologyInitializer>();
                break;

            default:
                throw new InvalidOperationException($"Unknown Bus:Provider '{bus.Provider}'.");
        }

        return builder;
    }

    /// <summary>
    /// Hosts the <see cref="OutboxRelay"/> that publishes outbox rows to <see cref="Topics.ContentEvents"/>
    /// (settings: <c>Outbox:Relay</c>). Needs <c>AddGamgyulData</c> and <see cref="AddGamgyulMessaging"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGamgyulOutboxRelay(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxRelayOptions>(builder.Configuration.GetSection(OutboxRelayOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
