using Gamgyul.Messaging;
using Gamgyul.Messaging.Pulsar;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// The conformance suite against the Pulsar adapter, talking to a local server that speaks the documented
/// WebSocket and admin protocols (<see cref="FakePulsarServer"/>). This proves our client; the live suite
/// (<see cref="PulsarLiveConformanceTests"/>) proves the same against a real broker.
/// </summary>
public sealed class PulsarFakeConformanceTests : MessageBusConformanceTests
{
    private FakePulsarServer _server = null!;
    private readonly HttpClient _http = new();

    internal static PulsarOptions FastOptions(Uri serviceUrl) => new()
    {
        ServiceUrl = serviceUrl,
        NegativeAckDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        PublishTimeout = TimeSpan.FromSeconds(5),
    };

    public override async Task InitializeAsync() => _server = await FakePulsarServer.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    protected override Task<IMessageBus> CreateNodeAsync() => Task.FromResult<IMessageBus>(
        new PulsarMessageBus(FastOptions(_server.ServiceUrl), $"node-{Guid.NewGuid():N}"[..13], _http, NullLoggerFactory.Instance));

    protected override Task CrashNodeAsync(IMessageBus node)
    {
        ((PulsarMessageBus)node).Crash();
        return Task.CompletedTask;
    }
}
