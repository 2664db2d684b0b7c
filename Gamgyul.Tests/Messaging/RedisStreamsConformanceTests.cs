using Gamgyul.Messaging;
using Gamgyul.Messaging.Redis;
using Gamgyul.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The conformance suite against Redis Streams on the test run's real redis-server. Each node has its own
/// connection, as separate processes would; timeouts are short so crash recovery is quick.
/// </summary>
public sealed class RedisStreamsConformanceTests : MessageBusConformanceTests
{
    private readonly Dictionary<IMessageBus, ConnectionMultiplexer> _connections = [];
    private string _connectionString = string.Empty;

    internal static RedisStreamsOptions FastOptions() => new()
    {
        ClaimIdleTime = TimeSpan.FromMilliseconds(800),
        SweepInterval = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(500),
        NegativeAckDelay = TimeSpan.FromMilliseconds(50),
    };

    public override async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        _connectionString = services.CreateRedisConnectionString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }
    }

    protected override async Task<IMessageBus> CreateNodeAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(_connectionString);
        var bus = new RedisMessageBus(connection, FastOptions(), $"node-{Guid.NewGuid():N}"[..13], NullLoggerFactory.Instance);
        _connections[bus] = connection;
        return bus;
    }

    // The process dies: its connection closes with commands unsent, and nothing is handed back.
    protected override async Task CrashNodeAsync(IMessageBus node) =>
        await _connections[node].CloseAsync(allowCommandsToComplete: false);
}
